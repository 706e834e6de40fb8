"""coopcheck: checks a decentralized-cooperation agreement against the law before it is signed."""

__version__ = "0.1.0"
