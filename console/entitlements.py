"""What pays for each kind of request: the seed's terms of support (rules 3-6 of docs/rules.md)."""

from __future__ import annotations

from enum import StrEnum


class Entitlement(StrEnum):
    FREE = "free"  # rule 3: free support, by ticket only, nothing deducted
    SUPPORT = "support"  # rule 4: a support package pays
    TRAINING = "training"  # rule 5: a training package pays
    SALES = "sales"  # rule 6: sent to sales, not handled (nor timed) in the console


CATEGORIES: dict[str, Entitlement] = {
    "availability": Entitlement.FREE,  # the service's availability
    "portal": Entitlement.FREE,  # questions about the support portal
    "features": Entitlement.FREE,  # general questions about features
    "guidance": Entitlement.SUPPORT,  # guidance and answers
    "technical": Entitlement.SUPPORT,  # fixing problems
    "customisation": Entitlement.SUPPORT,  # basic customisations
    "training": Entitlement.TRAINING,  # training from a training package
    "analysis_design": Entitlement.SALES,  # CRM analysis and design: a separate contract
    "onsite": Entitlement.SALES,  # on-site support: arranged by sales
    "comprehensive_training": Entitlement.SALES,  # bought through sales
}


def entitlement_for(category: str) -> Entitlement:
    """The entitlement of a ticket category; unknown categories raise ``KeyError``."""
    return CATEGORIES[category]


def free_channels_allowed(category: str) -> tuple[str, ...]:
    """Channels that cost nothing for this category: free support is by ticket only (rule 3)."""
    return ("ticket",) if entitlement_for(category) is Entitlement.FREE else ()


def package_kind_for(category: str) -> str | None:
    """The package kind that pays for work on this category, or None (free or sales)."""
    ent = entitlement_for(category)
    if ent is Entitlement.SUPPORT:
        return "support"
    if ent is Entitlement.TRAINING:
        return "training"
    return None
