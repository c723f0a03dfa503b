"""An organ's profile — its phrases and style settings — read from the data that holds them:
templates/profil.yaml (every phrase and setting, today's wording), the style (stilar/<stil>.yaml),
the register's `fraser:` (förbund and organ) and `protokoll:` settings, and a meeting's `fraser:`.
A förbund's own files in meetings/mallar/ replace the built-in ones file by file. Reads only;
every problem (an unknown phrase, a field it may not name) is reported with its file and line."""
from __future__ import annotations

from pathlib import Path

from generator.errors import Problem
from generator.model import NEDTAGNING, Profil, merge_fraser
from generator.rules import fraser
from generator.sources.fields import Fields, did_you_mean
from generator.sources.load import YList, YMap, YScalar, control_character, read_yaml

MALLAR = "mallar"  # meetings/mallar/: the förbund's own templates, styles and profile
PROFIL_FILE = "profil.yaml"
STILAR = "stilar"
TIDSREGLER = (("justering inom dagar", "justering_dagar"), ("anslag inom dagar", "anslag_dagar"),
              ("överklagande veckor", "overklagande_veckor"))
# The settings a style may make, with the values each takes (None: a file name; a tuple of
# tuples: a list of those values).
INSTALLNINGAR = {
    "protokollmall": None,
    "ny sida per paragraf": ("ja", "nej"),
    "rubrik på egen rad": ("ja", "nej"),
    "text före beslut": ("ja", "nej"),
    "bilagenumrering": ("punkt", "löpande"),
    "närvaro": ("tabell", "grupper"),
    "underskrifter": (fraser.UNDERSKRIFTER,),
}
# The utskick's settings (`make skicka … EPOST=…`), in the profile and the organ's `utskick:` in the
# register: int is a whole number ≥ 0, list a list of person ids (checked against the register).
UTSKICK = {
    "kallelse senast dagar före": int,
    "bifoga paketet upp till MB": int,
    "saknad e-postadress": ("fel", "papperskopia"),
    "extra mottagare": list,
}
STIL = tuple(INSTALLNINGAR)  # what a style and an organ's `protokoll:` may set
INSTALLNINGAR.update(UTSKICK)


BUILTIN = Path(__file__).resolve().parents[2] / "templates"  # the generator's own templates and profile


def template_dirs(meetings_root: Path) -> list[Path]:
    """Where templates, styles and the profile are looked for, in order: the förbund's own
    (meetings/mallar/), the project's templates/, and the generator's own (when the project has none)."""
    dirs = [meetings_root / MALLAR, meetings_root.parent / "templates"]
    return dirs + ([BUILTIN] if BUILTIN != dirs[1].resolve() else [])  # BUILTIN is resolved already


def find(meetings_root: Path, name: str, organ: str | None = None) -> Path:
    """The first `name` in template_dirs, after the organ's own folder (meetings/mallar/<organ>/: a
    kommun's nämnder with templates of their own); when none has it, where the project's own would
    be (the caller reports it missing)."""
    dirs = template_dirs(meetings_root)
    own = [meetings_root / MALLAR / organ] if organ else []
    # Missing everywhere: a name the förbund gave (protokollmall:), so where its own file would go.
    return next((d / name for d in own + dirs if (d / name).is_file()), dirs[0] / name)


def builtin(meetings_root: Path) -> Path:
    """The built-in templates a förbund copies to edit (make mallar)."""
    dirs = template_dirs(meetings_root)
    return dirs[1] if dirs[1].is_dir() else BUILTIN


def styles(meetings_root: Path) -> list[str]:
    return sorted({p.stem for d in template_dirs(meetings_root) for p in (d / STILAR).glob("*.yaml")})


# --- phrases ---------------------------------------------------------------------------------------

def read_fraser(node, file: Path, problems: list[Problem], where: str) -> dict:
    """`fraser:` as written (groups of phrases) → {"grupp.nyckel": value}, every phrase checked."""
    out: dict = {}
    if not isinstance(node, YMap):
        problems.append(Problem(file, getattr(node, "line", None), f"fraser i {where} ska bestå av grupper med fraser",
                                "t.ex. fraser: {paragraf: {bordlagt: bordlägga ärendet.}}"))
        return out
    groups = sorted({k.split(".")[0] for k in fraser.KATALOG})
    for group, gnode in node.items():
        if group not in groups:
            problems.append(Problem(file, node.line_of(group), f'okänd frasgrupp "{group}" i {where}',
                                    did_you_mean(group, groups) or "grupperna: " + ", ".join(groups)))
            continue
        if not isinstance(gnode, YMap):
            problems.append(Problem(file, node.line_of(group), f'"{group}" ska bestå av fraser',
                                    "skriv en fras per rad: namn: text"))
            continue
        names = [k.split(".", 1)[1] for k in fraser.KATALOG if k.startswith(group + ".")]
        for name, value in gnode.items():
            key = f"{group}.{name}"
            line = gnode.line_of(name)
            if key not in fraser.KATALOG:
                problems.append(Problem(file, line, f'okänd fras "{name}" i {group}',
                                        did_you_mean(name, names) or "fraserna här: " + ", ".join(names)))
                continue
            parsed = _phrase(key, value, file, line, problems)
            if parsed is not None:
                out[key] = parsed
    return out


def _text(key, value, file, line, problems, extra=()) -> str | None:
    if not isinstance(value, YScalar):
        problems.append(Problem(file, line, f'frasen "{key}" ska vara en text', 'skriv texten inom citattecken'))
        return None
    text = value.text or ""
    if (bad := control_character(text)) is not None:
        problems.append(Problem(file, line, f'frasen "{key}" innehåller ett styrtecken (kod {ord(text[bad])})',
                                "ta bort tecknet"))
        return None
    wrong = fraser.check(key, text, extra)
    if wrong:
        problems.append(Problem(file, getattr(value, "line", line), f'frasen "{key}": {wrong}',
                                "se fälten i docs/format.md (Fraser)"))
        return None
    return text


def _phrase(key, value, file, line, problems):
    kind = fraser.KATALOG[key][0]
    if kind == "text":
        return _text(key, value, file, line, problems)
    if kind == "lista":
        if not isinstance(value, YList):
            problems.append(Problem(file, line, f'frasen "{key}" ska vara en lista', 'skriv en rad per post: - "…"'))
            return None
        items = [_text(key, v, file, ln, problems) for v, ln in zip(value, value.item_lines)]
        return tuple(i for i in items if i is not None) if None not in items else None
    if not isinstance(value, YMap):
        problems.append(Problem(file, line, f'frasen "{key}" ska vara en tabell', "skriv en rad per post: namn: text"))
        return None
    fixed = fraser.TABELLNYCKLAR.get(key)
    out = {}
    for sub, v in value.items():
        if fixed and sub not in fixed:
            problems.append(Problem(file, value.line_of(sub), f'"{sub}" finns inte i {key}',
                                    did_you_mean(sub, fixed) or "välj bland: " + ", ".join(fixed)))
            continue
        text = _text(key, v, file, value.line_of(sub), problems)
        if text is not None:
            out[sub] = text
    return out


# --- settings and the style -------------------------------------------------------------------------

def _settings(f: Fields, keys) -> dict:
    out = {}
    for key in keys:
        if not f.has(key):
            continue
        allowed = INSTALLNINGAR[key]
        if allowed is None:
            out[key] = f.text(key)
        elif allowed is int:
            number = f.text(key)
            if number is not None and number.isdigit():
                out[key] = int(number)
            elif number is not None:
                f.problem(key, f'"{key}: {number}" ska vara ett heltal', "t.ex. 7")
        elif allowed is list:
            ids = [v.text for v, _ in f.items(key) if isinstance(v, YScalar) and v.text]
            if len(ids) != len(f.items(key)):
                f.problem(key, f'"{key}" ska vara en lista med person-id', f"t.ex. {key}: [anna-revisor]")
            out[key] = tuple(ids)
        elif isinstance(allowed[0], tuple):
            values = [v.text for v, _ in f.items(key) if isinstance(v, YScalar)]
            wrong = [v for v in values if v not in allowed[0]]
            if wrong or len(set(values)) != len(values):
                f.problem(key, f'"{key}" ska lista några av: {", ".join(allowed[0])}, var och en en gång',
                          f"t.ex. {key}: [{', '.join(allowed[0])}]")
            else:
                out[key] = tuple(values)
        else:
            value = f.choice(key, allowed)
            if value is not None:
                out[key] = value == "ja" if allowed == ("ja", "nej") else value
    return out


def _profile_file(path: Path, problems: list[Problem], base: bool) -> tuple[dict, dict]:
    root = read_yaml(path, problems)
    if root is None:
        return {}, {}
    f = Fields(root, problems, "profilen" if base else "stilen", ("inställningar", "fraser"), path)
    settings = {}
    snode = f.mapping("inställningar", required=base)
    if snode is not None:
        sf = Fields(snode, problems, "inställningar", tuple(INSTALLNINGAR), path)
        settings = _settings(sf, INSTALLNINGAR)
        if base:
            for key in INSTALLNINGAR:
                if key not in settings and not sf.broken:
                    sf.problem(None, f'inställningen "{key}" saknas i {path.name}', f"lägg till {key}: …")
    phrases = read_fraser(root["fraser"], path, problems, path.name) if f.has("fraser") else {}
    if base:
        for key in fraser.KATALOG:
            if key not in phrases:
                problems.append(Problem(path, None, f'frasen "{key}" saknas i {path.name}',
                                        "varje fras ska ha en grundformulering här"))
    return settings, phrases


def profile_paths(meetings_root: Path) -> list[Path]:
    """The base profile (the project's or the built-in one, complete) and the förbund's own
    meetings/mallar/profil.yaml when it has one: it changes what it names, so a copy made by
    `make mallar` stays valid when a later version adds a phrase."""
    dirs = template_dirs(meetings_root)
    base = next((d / PROFIL_FILE for d in dirs[1:] if (d / PROFIL_FILE).is_file()), dirs[-1] / PROFIL_FILE)
    own = dirs[0] / PROFIL_FILE
    return [base] + ([own] if own.is_file() else [])


def load_style(meetings_root: Path, stil: str, problems: list[Problem]) -> Profil:
    """The base profile (with the förbund's own on top) with the style's settings and phrases."""
    base, *own = profile_paths(meetings_root)
    settings, phrases = _profile_file(base, problems, base=True)
    for path in own:
        o_settings, o_phrases = _profile_file(path, problems, base=False)
        settings, phrases = {**settings, **o_settings}, merge_fraser(phrases, o_phrases)
    s_settings, s_phrases = _profile_file(find(meetings_root, f"{STILAR}/{stil}.yaml"), problems, base=False)
    return Profil(stil, merge_fraser(phrases, s_phrases), {**settings, **s_settings})


def read_protokoll(node, file: Path, problems: list[Problem], meetings_root: Path) -> tuple[str, dict, dict]:
    """An organ's `protokoll:`: the style's name, the time rules (Organ fields) and settings."""
    keys = ("stil",) + tuple(k for k, _ in TIDSREGLER) + ("anslaget tas ned",) + STIL
    f = Fields(node, problems, "protokoll", keys, file)
    choices = styles(meetings_root) or ["kompakt"]
    stil = f.choice("stil", choices, required=False) or "kompakt"
    tider = {}
    for key, name in TIDSREGLER:
        number = f.text(key, False)
        if number is not None:
            if number.isdigit():
                tider[name] = int(number)
            else:
                f.problem(key, f'"{key}: {number}" ska vara ett heltal', "t.ex. 14")
    # "Anslaget tas ned": the day the appeal time ends (samma dag) or the day after (domain.md T3).
    if (nedtagning := f.choice("anslaget tas ned", NEDTAGNING, required=False)) is not None:
        tider["nedtagning"] = nedtagning
    return stil, tider, _settings(f, STIL)


def read_utskick(node, file: Path, problems: list[Problem]) -> tuple[dict, dict[str, int]]:
    """An organ's `utskick:` (the settings in UTSKICK), and the line of each person in
    `extra mottagare` (the register checks them)."""
    f = Fields(node, problems, "utskick", tuple(UTSKICK), file)
    settings = _settings(f, UTSKICK)
    lines = {v.text: ln for v, ln in f.items("extra mottagare") if isinstance(v, YScalar) and v.text}
    return settings, lines


def organ_profile(meetings_root: Path, stil: str, settings: dict, phrase_layers: list[dict],
                  problems: list[Problem], cache: dict) -> Profil:
    """The organ's profile: its style, then the förbund's and the organ's phrases and settings."""
    if stil not in cache:
        cache[stil] = load_style(meetings_root, stil, problems)
    base = cache[stil]
    merged = base.fraser
    for layer in phrase_layers:
        merged = merge_fraser(merged, layer)
    return Profil(stil, merged, {**base.installningar, **settings})
