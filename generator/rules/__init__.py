"""Pure domain rules, no I/O: agenda and bilaga numbers, which items take a §, formulas, Swedish
dates and legal time limits, what changed between kallelse versions. May import only model."""
