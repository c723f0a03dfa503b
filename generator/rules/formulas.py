"""Pure: decision and proposal formulas, derived from who prepared an ärende."""
from __future__ import annotations

from generator.model import Arende, Register


def forslagsformel(arende: Arende, organ_id: str, register: Register) -> str:
    """The line under "Förslag till beslut" in a tjänsteskrivelse for `organ_id`.

    When the latest preparing organ proposed the decision to this organ, that organ's
    proposal formula ("Arbetsutskottet föreslår förbundsstyrelsen besluta"); otherwise the
    kansli formula of this organ ("Förbundsstyrelsen föreslås besluta")."""
    preparing = [b for b in arende.beredning if b.organ != organ_id]
    if preparing:
        latest = max(preparing, key=lambda b: b.datum)
        bereder = register.organ[latest.organ]
        if latest.utfall == "förslag" and bereder.bereder == organ_id:
            return bereder.forslagsformel
    return register.organ[organ_id].forslagsformel
