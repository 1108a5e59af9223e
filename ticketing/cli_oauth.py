"""`ticketing mailbox login NAME` (or `--smtp`): the one-time OAuth2 sign-in.

It runs the provider's interactive flow (Microsoft's device code, Google's installed app)
or, for a generic provider, asks for the refresh token the operator got from it; then it
proves the grant by fetching an access token and stores both in the token cache under
var_dir, where `serve` finds them. Flows that need no sign-in (client credentials, a
service account) are only checked.
"""

from __future__ import annotations

import click

from ticketing.cli import App, fail, pass_app
from ticketing.config import OAuth2Settings
from ticketing.errors import TicketingError
from ticketing.oauth import Grant, TokenSource

NO_SIGN_IN_FLOWS = ("client_credentials", "service_account")


def _section(app: App, name: str | None, smtp: bool) -> tuple[str, OAuth2Settings, str]:
    """What to sign in: (a label, the oauth2 section, the user the token is for)."""
    s = app.settings
    if smtp == bool(name):
        fail("give either a mailbox NAME or --smtp (the relay)")
    if smtp:
        if s.smtp is None:
            fail("there is no [smtp] relay in the config")
        label, auth, oauth2, user = "the SMTP relay", s.smtp.auth, s.smtp.oauth2, s.smtp.username
        table = "smtp.oauth2"
    else:
        assert name is not None
        try:
            mb = s.mailbox(name)
        except TicketingError as exc:
            fail(str(exc))
        label, auth, oauth2, user = f"mailbox {name}", mb.auth, mb.oauth2, mb.username
        table = "mailboxes.oauth2"
    if auth != "oauth2" or oauth2 is None:
        fail(f'{label} signs in with a password: set auth = "oauth2" and a [{table}] table first')
    return label, oauth2, user


@click.command("login")
@click.argument("name", required=False)
@click.option("--smtp", is_flag=True, help="Sign in the [smtp] relay instead of a mailbox.")
@pass_app
def mailbox_login(app: App, name: str | None, smtp: bool) -> None:
    """Sign a mailbox (or the SMTP relay) in with OAuth2 once and keep its tokens.

    Example: ticketing mailbox login support
    """
    label, oauth2, user = _section(app, name, smtp)
    tokens = TokenSource(oauth2, subject=user)
    flow = oauth2.effective_flow()
    try:
        if flow in NO_SIGN_IN_FLOWS:
            tokens.token()
            click.echo(f"{label}: {flow} needs no sign-in; a token was issued, all is set")
            return
        if oauth2.provider == "generic":
            given = click.prompt("Refresh token", hide_input=True).strip()
            if not given:
                fail("no refresh token given")
            grant = tokens.provider.fetch(given)
            grant = Grant(grant.access_token, grant.expires_at, grant.refresh_token or given)
        else:
            grant = tokens.provider.login(lambda text: click.echo(text, err=True))
        tokens.store(grant)
    except TicketingError as exc:
        raise click.ClickException(str(exc)) from exc
    where = oauth2.cache_file or "memory only (no var_dir)"
    click.echo(f"{label}: signed in as {user}; tokens kept in {where}")
