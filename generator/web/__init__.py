"""The public website (`make webb`): the digital anslagstavla, a page per organ and year, upcoming
meetings, an Atom feed of notices and an iCalendar feed of meetings — static files computed from
the archive's records (justerat/justering.json, utskick/utskick.json), the meetings and a day.
Only what is public: justerade protokoll and sent kallelser. site.py reads (never writes),
render.py lays out with the templates in templates/webb/ (the only jinja2 module). May import
archive and everything below it; the pipeline writes what it returns."""
