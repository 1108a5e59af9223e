"""Every error the package raises on purpose, under one base class.

Only the outermost loops (the poller, the ingress handler, the dispatcher, the CLI)
catch anything broader than these.
"""

from __future__ import annotations


class TicketingError(Exception):
    """Base of every error this package raises deliberately."""


class ConfigError(TicketingError):
    """A configuration file or value is wrong; the message names the file, line and key."""


class RulesError(ConfigError):
    """The rule file is invalid; the message names the file, the rule and the line."""


class NotFound(TicketingError):
    """A ticket, message, customer or row asked for by id does not exist."""


class InvalidTransition(TicketingError):
    """A ticket status change that the lifecycle does not allow."""


class DeliveryError(TicketingError):
    """Sending an outbound message failed."""

    def __init__(self, message: str, *, permanent: bool, unreachable: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent
        # True when the relay itself cannot be reached: every other message would fail too.
        self.unreachable = unreachable


class MailboxError(TicketingError):
    """Talking to an IMAP server failed."""


class CompositionError(TicketingError):
    """An outbound message could not be composed (e.g. a header that cannot be encoded);
    the inbound mail that caused it is stored all the same, never quarantined for it."""


class UndeliverableCustomer(TicketingError):
    """An agent action would mail a customer whose stored address is not a valid one (the
    ticket came from a From that did not parse); nothing is queued."""
