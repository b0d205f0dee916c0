"""Marsad (مرصد): structured, verifiable knowledge from Arabic war reporting."""

__version__ = "0.1.0"
