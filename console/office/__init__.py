"""The office domain: the office server's runs and heartbeat, notices, API tokens, the portal's services.

No Qt and no ``server`` import: the server (``server/``) and the app's status page both call these.
"""

from console.office.notices import (
    BreachRecipients,
    NoticeView,
    breach_recipients,
    customer_notices,
    send_breach_mails,
    send_expiry_notices,
    send_notice,
    send_usage_notices,
    set_breach_recipients,
)
from console.office.runs import JobRunView, claim_run, fail_run, finish_run, recent_runs
from console.office.status import OfficeStatus, ServerView, beat, office_status
from console.office.templates import (
    TemplateView,
    get_notice_template,
    list_notice_templates,
    set_notice_template,
)
from console.office.tokens import (
    CreatedToken,
    TokenInfo,
    create_api_token,
    list_api_tokens,
    revoke_api_token,
    verify_api_token,
)

__all__ = [
    "BreachRecipients",
    "CreatedToken",
    "JobRunView",
    "NoticeView",
    "OfficeStatus",
    "ServerView",
    "TemplateView",
    "TokenInfo",
    "beat",
    "breach_recipients",
    "claim_run",
    "create_api_token",
    "customer_notices",
    "fail_run",
    "finish_run",
    "get_notice_template",
    "list_api_tokens",
    "list_notice_templates",
    "office_status",
    "recent_runs",
    "revoke_api_token",
    "send_breach_mails",
    "send_expiry_notices",
    "send_notice",
    "send_usage_notices",
    "set_breach_recipients",
    "set_notice_template",
    "verify_api_token",
]
