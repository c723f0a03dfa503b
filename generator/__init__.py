"""Mötesgeneratorn: kallelse, handlingar och protokoll för svenska förbund och nämnder."""

__version__ = "0.1.0"
