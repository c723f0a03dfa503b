"""Reading and checking what users write: the register, a meeting, its ärenden and bilagor, and
protokoll.yaml, into the frozen model (or every problem with its line). May import rules, pdf, model."""
