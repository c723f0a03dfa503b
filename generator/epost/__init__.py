"""The kallelse by e-mail (`make skicka <m> EPOST=prov|ja`): the recipients from the register
(mottagare.py), one message per recipient with the packet or a link and a calendar invitation
(meddelande.py, the only module that builds e-mail), the SMTP session (smtp.py, the only module
that uses smtplib), and the run that sends to those who have not got the version and records each
outcome in the archive (skicka.py). May import archive, documents, sources, rules, model; only the
pipeline imports it."""
