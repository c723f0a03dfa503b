"""Mötesgeneratorn: kallelse, handlingar och protokoll för svenska förbund och nämnder.

The stages, one subpackage each (layers point down only; pyproject.toml's import-linter contracts):
    cli → pipeline → archive → documents → sources → pdf | rules → model | hashes | errors
sources reads and checks what users write; rules are pure domain rules; documents says what each
document contains and makes its DOCX; pdf runs LibreOffice and merges the packet; archive is the one
writer (build/, the write-once archive, justering, signatures); pipeline orders the stages of each
command; cli is the only place that prints.
"""

__version__ = "0.1.0"
