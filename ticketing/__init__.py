"""ticketing: an email-driven ticketing service for a cloud reseller's billing support."""

__version__ = "0.1.0"
