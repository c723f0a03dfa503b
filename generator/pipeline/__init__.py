"""The spine: each command as a short list of named stages, with the reason for their order.
May import every layer below it (web, archive, documents, sources, pdf, rules); only cli imports it."""
from generator.pipeline.arkiv import anslag, epost, importera, justera, rattelse, signera, skicka, verify
from generator.pipeline.kallelse import build_meeting
from generator.pipeline.mallar import copy_templates
from generator.pipeline.ny import ny, protokollutkast
from generator.pipeline.protokoll import build_protokoll, check
from generator.pipeline.stages import Project, Result
from generator.pipeline.webb import build_site

__all__ = ["Project", "Result", "anslag", "build_meeting", "build_protokoll", "build_site", "check", "copy_templates",
           "epost", "importera", "justera", "ny", "protokollutkast", "rattelse", "signera", "skicka", "verify"]
