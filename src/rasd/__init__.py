"""rasd: conflict event data from Arabic and English news."""

__version__ = "0.1.0"
