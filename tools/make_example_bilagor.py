#!/usr/bin/env python3
"""Build the committed example bilagor of the 2021-09-16 example meeting.

This standalone script made the example attachment files that are committed
under ``meetings/2021-09-16/bilagor/`` and the test fixture
``tests/fixtures/ansokan-framsteget-i-habo.{docx,pdf}``.  It is *not* part of
the generator: it only turns the OCR text of the shared seeds into realistic
stand-ins for the external documents (the applicants' Word forms and the
third-party PDFs), so that the pipeline has real files to merge, count and
stamp.

Sources (read from ``../shared/seeds`` relative to the repository root):

* ``000_f2cd0983aa8ba745.txt`` – the OCR text of the whole FS meeting packet;
  the line ranges used are those of domain.md §11.1;
* ``003_9586c6972f48fbf2.txt`` – a scanned, signed ansökan (test fixture).

What it does:

* restores Swedish diacritics with a word-level replacement table (OCR lost
  them: "ansdkan" -> "ansökan", "Habo" -> "Håbo");
* drops OCR artefacts (page-start markers, repeated letterheads, stray chart
  axis numbers, signature scribbles) and rebuilds the budget sheets, goal
  tables and signature blocks as real Word tables;
* writes A4 DOCX files with python-docx (font Carlito), and makes the PDFs by
  converting such DOCX files with LibreOffice (``soffice --headless``).

Outputs are deterministic where that is easy: fixed document properties and
zip timestamps in the DOCX files, fixed dates and ids in the PDFs.

Usage::

    pip install python-docx
    python3 tools/make_example_bilagor.py            # build everything
    python3 tools/make_example_bilagor.py --dump     # print the parsed text
"""

from __future__ import annotations

import argparse
import datetime as _dt
import io
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / 'shared' / 'seeds'
SEED_000 = SEEDS / '000_f2cd0983aa8ba745.txt'
SEED_003 = SEEDS / '003_9586c6972f48fbf2.txt'
MEETING = ROOT / 'meetings' / '2021-09-16' / 'bilagor'
FIXTURES = ROOT / 'tests' / 'fixtures'

FIXED_TIME = _dt.datetime(2021, 9, 9, 8, 0, 0)
FONT = 'Carlito'

# =====================================================================
# Diacritics restoration
# =====================================================================
# OCR token (lower case) -> restored word (lower case).  Generated once from a
# Swedish word list, the clean seed 001 and hand review; kept here so that the
# script is self-contained.  Case is re-applied from the OCR token.
# === RESTORE TABLE BEGIN ===
RESTORE: dict[str, str] = {
    '&ar': 'är', '&dga': 'äga', '&n': 'än', '&ndamalet': 'ändamålet', '&ndra': 'ändra', '&t': 'åt',
    '&terga': 'återgå', '&ven': 'även', '16sning': 'lösning', '16sningar': 'lösningar', '1ag': 'låg',
    '1amplig': 'lämplig', '1an': 'län', '3tta': 'åtta', '4n': 'än', '6ka': 'öka', '6kad': 'ökad', '6kade': 'ökade',
    '6kande': 'ökande', '6kar': 'ökar', '6kat': 'ökat', '6kning': 'ökning', '6kningen': 'ökningen',
    '6nskan': 'önskan', '6nskar': 'önskar', '6nskemal': 'önskemål', '6ppen': 'öppen', '6ppet': 'öppet',
    '6ppna': 'öppna', '6ver': 'över', '6verenskommits': 'överenskommits', '6verfordes': 'överfördes',
    '6verga': 'övergå', '6vergripande': 'övergripande', '6verhdngande': 'överhängande',
    '6vningsuppgifter': 'övningsuppgifter', '6vriga': 'övriga', '6vrigt': 'övrigt', '8ppen': 'öppen', '@n': 'än',
    '[6nestod': 'lönestöd', '[amnar': 'lämnar', '[amnas': 'lämnas', 'administratorer': 'administratörer',
    'agas': 'ägas', 'ager': 'äger', 'aktiveringsniva': 'aktiveringsnivå',
    'aktivitetsersattning': 'aktivitetsersättning', 'aktivitetsersittning': 'aktivitetsersättning',
    'aktivitetsh6jande': 'aktivitetshöjande', 'aktivitetsniva': 'aktivitetsnivå',
    'aktivitetsnivan': 'aktivitetsnivån', 'aktor': 'aktör', 'aktorer': 'aktörer', 'aktér': 'aktör',
    'aktérer': 'aktörer', 'alder': 'ålder', 'aldern': 'åldern', 'aldrar': 'åldrar', 'aldrarna': 'åldrarna',
    'aldre': 'äldre', 'allmanna': 'allmänna', 'alltsa': 'alltså', 'alvkarleby': 'älvkarleby',
    'ambitionsniva': 'ambitionsnivå', 'ambitionsnivan': 'ambitionsnivån', 'ambitiésa': 'ambitiösa', 'an': 'än',
    'andamalen': 'ändamålen', 'andamalet': 'ändamålet', 'andamalsenliga': 'ändamålsenliga',
    'angelaget': 'angeläget', 'angelagna': 'angelägna', 'angeldget': 'angeläget', 'annu': 'ännu',
    'anpassningsmajligheter': 'anpassningsmöjligheter', 'ansag': 'ansåg', 'ansdka': 'ansöka', 'ansdkan': 'ansökan',
    'ansokan': 'ansökan', 'anstalining': 'anställning', 'anstalla': 'anställa', 'anstallda': 'anställda',
    'anstallning': 'anställning', 'anstallningar': 'anställningar', 'anstallningsbarhet': 'anställningsbarhet',
    'anstallningsstodsansékningar': 'anställningsstödsansökningar', 'anstallts': 'anställts',
    'anstilla': 'anställa', 'anstillda': 'anställda', 'anstillts': 'anställts', 'anstkan': 'ansökan',
    'anstrangd': 'ansträngd', 'anstélining': 'anställning', 'anstéllas': 'anställas', 'anstéllda': 'anställda',
    'anstéllning': 'anställning', 'anstéllningsbara': 'anställningsbara', 'ansékan': 'ansökan', 'anséks': 'ansöks',
    'anvanda': 'använda', 'anvandande': 'användande', 'anvandare': 'användare', 'anvandas': 'användas',
    'anvander': 'använder', 'anvandning': 'användning', 'anvands': 'används', 'anvdndare': 'användare',
    'anviandare': 'användare', 'anvidnda': 'använda', 'anvinda': 'använda', 'anvindare': 'användare',
    'anvindas': 'användas', 'anvinds': 'används', 'anvint': 'använt', 'anvéanda': 'använda', 'anvédnda': 'använda',
    'anvédndas': 'användas', 'anvéndas': 'användas', 'anvénds': 'används',
    'arbetsforberedande': 'arbetsförberedande', 'arbetsformaga': 'arbetsförmåga',
    'arbetsformagebeddmning': 'arbetsförmågebedömning', 'arbetsformedlare': 'arbetsförmedlare',
    'arbetsformedlaren': 'arbetsförmedlaren', 'arbetsformedlarens': 'arbetsförmedlarens',
    'arbetsformedling': 'arbetsförmedling', 'arbetsformedlingen': 'arbetsförmedlingen',
    'arbetsformedlingens': 'arbetsförmedlingens', 'arbetsféormedlingen': 'arbetsförmedlingen',
    'arbetsféralder': 'arbetsför ålder', 'arbetsférmaga': 'arbetsförmåga', 'arbetsférmedlare': 'arbetsförmedlare',
    'arbetsférmedlaren': 'arbetsförmedlaren', 'arbetsférmedlarens': 'arbetsförmedlarens',
    'arbetsférmedlartjanst': 'arbetsförmedlartjänst', 'arbetsférmedling': 'arbetsförmedling',
    'arbetsférmedlingen': 'arbetsförmedlingen', 'arbetsférmedlingens': 'arbetsförmedlingens',
    'arbetsférmedlings': 'arbetsförmedlings', 'arbetsférmedlingskontakterna': 'arbetsförmedlingskontakterna',
    'arbetsgivarkdnnedom': 'arbetsgivarkännedom', 'arbetsl6sa': 'arbetslösa', 'arbetsldsa': 'arbetslösa',
    'arbetsldshet': 'arbetslöshet', 'arbetslosa': 'arbetslösa', 'arbetsloshet': 'arbetslöshet',
    'arbetslosheten': 'arbetslösheten', 'arbetsloshetsnivan': 'arbetslöshetsnivån', 'arbetslésa': 'arbetslösa',
    'arbetsléshet': 'arbetslöshet', 'arbetslésheten': 'arbetslösheten',
    'arbetsmarkandsforvaltningar': 'arbetsmarknadsförvaltningar',
    'arbetsmarknadsfdrvaltningens': 'arbetsmarknadsförvaltningens',
    'arbetsmarknadsforvaltning': 'arbetsmarknadsförvaltning',
    'arbetsmarknadsforvaltningen': 'arbetsmarknadsförvaltningen',
    'arbetsmarknadsforvaltningens': 'arbetsmarknadsförvaltningens', 'arbetsmarknadsfragor': 'arbetsmarknadsfrågor',
    'arbetsmarknadsfragorna': 'arbetsmarknadsfrågorna',
    'arbetsmarknadsférvaltningen': 'arbetsmarknadsförvaltningen', 'arbetsmarknadslaget': 'arbetsmarknadsläget',
    'arbetsmarknadsnamndens': 'arbetsmarknadsnämndens', 'arbetsmarknadsomradet': 'arbetsmarknadsområdet',
    'arbetsmiljo': 'arbetsmiljö', 'arbetsprovning': 'arbetsprövning', 'arbetssatt': 'arbetssätt',
    'arbetssattet': 'arbetssättet', 'arbetssdtt': 'arbetssätt', 'arbetssitt': 'arbetssätt',
    'arbetssittet': 'arbetssättet', 'arbetssokande': 'arbetssökande', 'arbetsstdd': 'arbetsstöd',
    'arbetsstod': 'arbetsstöd', 'arbetsséatt': 'arbetssätt', 'arbetssédttet': 'arbetssättet',
    'arbetssékande': 'arbetssökande', 'arbetssétt': 'arbetssätt', 'arbetstillfallen': 'arbetstillfällen',
    'arbetstraning': 'arbetsträning', 'arbetstraningsmaojligheter': 'arbetsträningsmöjligheter',
    'arbetstraningsplatser': 'arbetsträningsplatser', 'arbetstréning': 'arbetsträning', 'aren': 'åren',
    'arendedragning': 'ärendedragning', 'arendet': 'ärendet', 'aret': 'året', 'arets': 'årets',
    'arligen': 'årligen', 'ars': 'års', 'arsanslag': 'årsanslag', 'arsmote': 'årsmöte', 'arsmotet': 'årsmötet',
    'arsméte': 'årsmöte', 'arsmétet': 'årsmötet', 'arsmötet': 'årsmötet', 'arsskiftet': 'årsskiftet', 'at': 'åt',
    'atagande': 'åtagande', 'atagandet': 'åtagandet', 'aterga': 'återgå', 'atergang': 'återgång',
    'atergd': 'återgå', 'aterhamtas': 'återhämtas', 'aterhamtningen': 'återhämtningen',
    'aterintrade': 'återinträde', 'aterkomma': 'återkomma', 'aterkommer': 'återkommer',
    'aterkoppling': 'återkoppling', 'aterrapportering': 'återrapportering', 'atgard': 'åtgärd',
    'atgarder': 'åtgärder', 'atta': 'åtta', 'attrepresentant': 'att representant', 'attt': 'att', 'aven': 'även',
    'avgorande': 'avgörande', 'avgérande': 'avgörande', 'avsdndare': 'avsändare', 'avsevarda': 'avsevärda',
    'avstamning': 'avstämning', 'avstamningar': 'avstämningar', 'avstdmningsrapport': 'avstämningsrapport',
    'avstimningsmoten': 'avstämningsmöten', 'backstrom': 'backström', 'backström': 'bäckström', 'bada': 'båda',
    'bade': 'både', 'balsta': 'bålsta', 'baring': 'bäring', 'basta': 'bästa', 'battre': 'bättre', 'bdde': 'både',
    'bdsta': 'bästa', 'bed6ms': 'bedöms', 'bed6éms': 'bedöms', 'beddmas': 'bedömas', 'beddmning': 'bedömning',
    'beddms': 'bedöms', 'beddomer': 'bedömer', 'bedomer': 'bedömer', 'bedoms': 'bedöms', 'bedémas': 'bedömas',
    'bedémer': 'bedömer', 'bedémning': 'bedömning', 'bedémningar': 'bedömningar', 'bedémningen': 'bedömningen',
    'bedémningsmetoder': 'bedömningsmetoder', 'bedéms': 'bedöms', 'befasta': 'befästa', 'begadran': 'begäran',
    'begransas': 'begränsas', 'behalla': 'behålla', 'behdriga': 'behöriga', 'behdva': 'behöva',
    'behdver': 'behöver', 'behdvs': 'behövs', 'behdéver': 'behöver', 'behdévs': 'behövs',
    'behjélplig': 'behjälplig', 'behodver': 'behöver', 'behoriga': 'behöriga', 'behover': 'behöver',
    'behovs': 'behövs', 'behtver': 'behöver', 'behériga': 'behöriga', 'behéver': 'behöver', 'behévs': 'behövs',
    'bemarkelsen': 'bemärkelsen', 'bemdstra': 'bemästra', 'ber6r': 'berör', 'berattade': 'berättade',
    'berdknas': 'beräknas', 'berdrd': 'berörd', 'berdrda': 'berörda', 'berdér': 'berör', 'beror': 'berör',
    'berord': 'berörd', 'berorda': 'berörda', 'berér': 'berör', 'berérd': 'berörd', 'berérda': 'berörda',
    'beskrivha': 'beskrivna', 'besta': 'bestå', 'bestalla': 'beställa', 'bestamda': 'bestämda', 'bestar': 'består',
    'bestd': 'bestå', 'bestér': 'består', 'betraffande': 'beträffande', 'bibehalla': 'bibehålla', 'bista': 'bistå',
    'bistand': 'bistånd', 'bistandsmottagare': 'biståndsmottagare', 'bistar': 'bistår', 'bistdnd': 'bistånd',
    'boendestdd': 'boendestöd', 'bor': 'bör', 'borjan': 'början', 'borjar': 'börjar', 'borjat': 'börjat',
    'bér': 'bör', 'bérjan': 'början', 'bérjar': 'börjar', 'béttre': 'bättre', 'civilsamhallet': 'civilsamhället',
    'd&': 'då', 'da': 'då', 'dagslaget': 'dagsläget', 'dan': 'än', 'dar': 'där', 'darav': 'därav',
    'darefter': 'därefter', 'daremot': 'däremot', 'darendet': 'ärendet', 'darfor': 'därför', 'darfér': 'därför',
    'darifran': 'därifrån', 'darigenom': 'därigenom', 'darmed': 'därmed', 'darpa': 'därpå', 'darpd': 'därpå',
    'darutéver': 'därutöver', 'davarande': 'dåvarande', 'ddr': 'där', 'ddrpa': 'därpå', 'dir': 'där', 'dka': 'öka',
    'dkad': 'ökad', 'dkade': 'ökade', 'dkar': 'ökar', 'dkning': 'ökning', 'dlder': 'ålder', 'dldern': 'åldern',
    'dn': 'än', 'dnskan': 'önskan', 'dnskar': 'önskar', 'dnskemal': 'önskemål', 'drenden': 'ärenden',
    'dterga': 'återgå', 'dven': 'även', 'dver': 'över', 'dverenskommits': 'överenskommits',
    'dvergripande': 'övergripande', 'dversiktlig': 'översiktlig', 'd|skuterats': 'diskuterats',
    'déarutover': 'därutöver', 'dér': 'där', 'effektmal': 'effektmål', 'efterfraga': 'efterfråga',
    'efterfragan': 'efterfrågan', 'efterfragar': 'efterfrågar', 'efterfragas': 'efterfrågas',
    'egenforsorjning': 'egenförsörjning', 'ekonomistéd': 'ekonomistöd', 'elier': 'eller', 'eninsats': 'en insats',
    'enk&pings': 'enköpings', 'enkat': 'enkät', 'enkater': 'enkäter', 'enkatsvar': 'enkätsvar',
    'enkdping': 'enköping', 'enkdpings': 'enköpings', 'enképing': 'enköping', 'enképings': 'enköpings',
    'ensammanstallning': 'en sammanställning', 'ensammanstillning': 'en sammanställning', 'erbjods': 'erbjöds',
    'erhaller': 'erhåller', 'erhallna': 'erhållna', 'ersatter': 'ersätter', 'ersattning': 'ersättning',
    'ersattningsform': 'ersättningsform', 'ersdtta': 'ersätta', 'ersdttning': 'ersättning',
    'ersittning': 'ersättning', 'erséttning': 'ersättning', 'ettresursteam': 'ett resursteam',
    'eventuelit': 'eventuellt', 'f&': 'få', 'f3': 'få', 'f6lja': 'följa', 'f6ljas': 'följas', 'f6ljd': 'följd',
    'f6ljs': 'följs', 'f6r': 'för', 'fa': 'få', 'falt': 'fält', 'fanga': 'fånga', 'far': 'får',
    'fardigstallande': 'färdigställande', 'fardigstalld': 'färdigställd', 'fardigstallda': 'färdigställda',
    'fardigstallt': 'färdigställt', 'farhagor': 'farhågor', 'farre': 'färre', 'faststalla': 'fastställa',
    'faststalld': 'fastställd', 'faststalls': 'fastställs', 'fatt': 'fått', 'fd': 'få', 'fdngas': 'fångas',
    'fgretagen': 'företagen', 'finansieringsldsning': 'finansieringslösning',
    'finansieringsldsningar': 'finansieringslösningar', 'finansieringslesningar': 'finansieringslösningar',
    'finansieringslosningar': 'finansieringslösningar', 'finansieringslésningar': 'finansieringslösningar',
    'flerarigt': 'flerårigt', 'flerpartsmdten': 'flerpartsmöten', 'flerpartsmoten': 'flerpartsmöten',
    'flerpartsméte': 'flerpartsmöte', 'flerpartsméten': 'flerpartsmöten', 'flode': 'flöde', 'floden': 'flöden',
    'flyktingstrémmar': 'flyktingströmmar', 'fléden': 'flöden', 'fokusomraden': 'fokusområden', 'folja': 'följa',
    'foljaktligen': 'följaktligen', 'foljande': 'följande', 'foljas': 'följas', 'foljd': 'följd',
    'foljderna': 'följderna', 'foljdverkningar': 'följdverkningar', 'foljs': 'följs',
    'folkbokférda': 'folkbokförda', 'folkhalsomyndigheten': 'folkhälsomyndigheten', 'folkhdgskola': 'folkhögskola',
    'folkhilsomyndigheten': 'folkhälsomyndigheten', 'folkhégskolor': 'folkhögskolor', 'for': 'för', 'fora': 'föra',
    'forandras': 'förändras', 'forandrats': 'förändrats', 'forandring': 'förändring',
    'forandringar': 'förändringar', 'forandringskapacitet': 'förändringskapacitet',
    'forandringsmodellen': 'förändringsmodellen', 'forandringsstadier': 'förändringsstadier',
    'forandringsstadierna': 'förändringsstadierna', 'forankra': 'förankra', 'forankrad': 'förankrad',
    'forankring': 'förankring', 'forbattra': 'förbättra', 'forbattrad': 'förbättrad', 'forbereda': 'förbereda',
    'forberedande': 'förberedande', 'forbund': 'förbund', 'forbunden': 'förbunden', 'forbundet': 'förbundet',
    'forbundets': 'förbundets', 'fordanderlig': 'föränderlig', 'fordelas': 'fördelas', 'fordes': 'fördes',
    'fordjupad': 'fördjupad', 'fordjupade': 'fördjupade', 'fordndras': 'förändras', 'fordndringar': 'förändringar',
    'fordndringen': 'förändringen', 'fordndringsarbete': 'förändringsarbete', 'fore': 'före', 'foredra': 'föredra',
    'foredragningar': 'föredragningar', 'foregaende': 'föregående', 'foregdende': 'föregående',
    'forelas': 'föreläs', 'forelasningar': 'föreläsningar', 'forenat': 'förenat', 'foreningen': 'föreningen',
    'foreskrifter': 'föreskrifter', 'foresla': 'föreslå', 'foreslar': 'föreslår', 'foreslas': 'föreslås',
    'forestallningar': 'föreställningar', 'foretag': 'företag', 'foretagande': 'företagande',
    'foretagen': 'företagen', 'foretagens': 'företagens', 'foretags': 'företags', 'foretradare': 'företrädare',
    'forfina': 'förfina', 'forhaliningssétt': 'förhållningssätt', 'forhoppningsvis': 'förhoppningsvis',
    'forlangning': 'förlängning', 'formaga': 'förmåga', 'formedlar': 'förmedlar', 'formedlare': 'förmedlare',
    'forordningar': 'förordningar', 'forran': 'förrän', 'forrehabiliterade': 'förrehabiliterade',
    'forrehabiliterande': 'förrehabiliterande', 'forrehabilitering': 'förrehabilitering',
    'forsadkringskassan': 'försäkringskassan', 'forsakringar': 'försäkringar',
    'forsakringskassa': 'försäkringskassa', 'forsakringskassan': 'försäkringskassan',
    'forsakringskassans': 'försäkringskassans', 'forsaljning': 'försäljning',
    'forsdkringskassan': 'försäkringskassan', 'forsikringskassan': 'försäkringskassan', 'forslag': 'förslag',
    'forslaget': 'förslaget', 'forslagsvis': 'förslagsvis', 'forsoka': 'försöka', 'forsorg': 'försorg',
    'forsoriningsstod': 'försörjningsstöd', 'forsorjning': 'försörjning', 'forsorjningsstdd': 'försörjningsstöd',
    'forsorjningsstod': 'försörjningsstöd', 'forsorjningsstodsteamet': 'försörjningsstödsteamet', 'forst': 'först',
    'forsta': 'första', 'forstaelse': 'förståelse', 'forstarkt': 'förstärkt', 'forstudien': 'förstudien',
    'forsvinner': 'försvinner', 'forsvunnit': 'försvunnit', 'forsék': 'försök', 'forsérjning': 'försörjning',
    'forsérjningsstod': 'försörjningsstöd', 'fortldpande': 'fortlöpande', 'fortlopande': 'fortlöpande',
    'fortlépande': 'fortlöpande', 'fortroende': 'förtroende', 'forts': 'förts', 'fortsatter': 'fortsätter',
    'fortsattningen': 'fortsättningen', 'fortsattningsvis': 'fortsättningsvis', 'fortsdtta': 'fortsätta',
    'fortsétta': 'fortsätta', 'fortydligas': 'förtydligas', 'forut': 'förut', 'forutom': 'förutom',
    'forutsatter': 'förutsätter', 'forutsattning': 'förutsättning', 'forutsattningar': 'förutsättningar',
    'forutsattningarna': 'förutsättningarna', 'forutspas': 'förutspås', 'forvalta': 'förvalta',
    'forvaltningen': 'förvaltningen', 'forvantade': 'förväntade', 'forvantan': 'förväntan',
    'forvantas': 'förväntas', 'forvantat': 'förväntat', 'forvantningar': 'förväntningar',
    'forvantningarna': 'förväntningarna', 'fradn': 'från', 'fraga': 'fråga', 'fragan': 'frågan',
    'fragor': 'frågor', 'framat': 'framåt', 'framdver': 'framöver', 'framfor': 'framför',
    'framforallt': 'framförallt', 'framgangsfaktorer': 'framgångsfaktorer', 'framgangsrik': 'framgångsrik',
    'framgangsrika': 'framgångsrika', 'framgar': 'framgår', 'framjande': 'främjande', 'framjar': 'främjar',
    'framover': 'framöver', 'framst': 'främst', 'framstar': 'framstår', 'framvéaxten': 'framväxten',
    'framéat': 'framåt', 'framéover': 'framöver', 'framéver': 'framöver', 'fran': 'från', 'franvaro': 'frånvaro',
    'frdgan': 'frågan', 'frdn': 'från', 'frdnvaro': 'frånvaro', 'frigora': 'frigöra', 'frimja': 'främja',
    'friskvard': 'friskvård', 'fristdende': 'fristående', 'frén': 'från', 'fullfélja': 'fullfölja',
    'fullstandiga': 'fullständiga', 'fullstdndiga': 'fullständiga', 'fullsténdiga': 'fullständiga',
    'funktionsnedsattning': 'funktionsnedsättning', 'funktionsnedsattningar': 'funktionsnedsättningar',
    'funktionsnedséattningar': 'funktionsnedsättningar', 'funktionsnedséttning': 'funktionsnedsättning',
    'félja': 'följa', 'féljande': 'följande', 'féljer': 'följer', 'féljs': 'följs', 'féor': 'för',
    'féoranalysen': 'föranalysen', 'fér': 'för', 'féra': 'föra', 'féraldrars': 'föräldrars',
    'féranalys': 'föranalys', 'férandra': 'förändra', 'férandrade': 'förändrade', 'férandrats': 'förändrats',
    'férandring': 'förändring', 'férandringar': 'förändringar', 'férandringen': 'förändringen',
    'férandringsbendgenheten': 'förändringsbenägenheten', 'férandringskapacitet': 'förändringskapacitet',
    'férandringsmodellen': 'förändringsmodellen', 'férankrad': 'förankrad', 'férankrade': 'förankrade',
    'férankras': 'förankras', 'férankring': 'förankring', 'férbattringar': 'förbättringar',
    'férbereda': 'förbereda', 'férberedelser': 'förberedelser', 'férbereds': 'förbereds',
    'férbindelse': 'förbindelse', 'férbund': 'förbund', 'férbunden': 'förbunden', 'férbundens': 'förbundens',
    'férbundet': 'förbundet', 'férbundets': 'förbundets', 'férbundschef': 'förbundschef',
    'férbundschefer': 'förbundschefer', 'férdelar': 'fördelar', 'férdelas': 'fördelas', 'férdjupad': 'fördjupad',
    'fére': 'före', 'férebygga': 'förebygga', 'féredragningar': 'föredragningar', 'féregaende': 'föregående',
    'férelasningar': 'föreläsningar', 'féreldsare': 'föreläsare', 'férening': 'förening',
    'féreningar': 'föreningar', 'féreningen': 'föreningen', 'féreskrifter': 'föreskrifter',
    'féreslagna': 'föreslagna', 'féreslogs': 'föreslogs', 'féretagande': 'företagande',
    'féretagarna': 'företagarna', 'féretagen': 'företagen', 'féretaget': 'företaget',
    'férhaliningssatt': 'förhållningssätt', 'férhoppningsvis': 'förhoppningsvis', 'férklarar': 'förklarar',
    'férlangningsperioden': 'förlängningsperioden', 'férmaga': 'förmåga', 'férmagan': 'förmågan',
    'férordningar': 'förordningar', 'férrehabiliterade': 'förrehabiliterade',
    'férrehabiliterande': 'förrehabiliterande', 'férrehabilitering': 'förrehabilitering',
    'férsakringskassan': 'försäkringskassan', 'férsamlingarna': 'församlingarna',
    'férsdkringskassan': 'försäkringskassan', 'férsikringskassan': 'försäkringskassan', 'férslag': 'förslag',
    'férslagen': 'förslagen', 'férslaget': 'förslaget', 'férslagsvis': 'förslagsvis', 'férsoka': 'försöka',
    'férsorjning': 'försörjning', 'férsta': 'första', 'férstaelse': 'förståelse', 'férsvara': 'försvåra',
    'férsérjning': 'försörjning', 'férsérjningsstdd': 'försörjningsstöd', 'férsérjningsstéd': 'försörjningsstöd',
    'férts': 'förts', 'fértydligar': 'förtydligar', 'férutom': 'förutom', 'férutsattning': 'förutsättning',
    'férutsattningar': 'förutsättningar', 'férutsdttning': 'förutsättning', 'férutsittning': 'förutsättning',
    'férvag': 'förväg', 'férvalta': 'förvalta', 'férvaltningar': 'förvaltningar', 'férvantan': 'förväntan',
    'férvantas': 'förväntas', 'férvantat': 'förväntat', 'férvantningar': 'förväntningar', 'férvéntat': 'förväntat',
    'féréldrar': 'föräldrar', 'föreldsningar': 'föreläsningar', 'föreslas': 'föreslås',
    'förutsattningar': 'förutsättningar', 'förvantad': 'förväntad', 'ga': 'gå', 'gallande': 'gällande',
    'galler': 'gäller', 'gang': 'gång', 'ganger': 'gånger', 'gangliga': 'gängliga', 'gangsrik': 'gångsrik',
    'gar': 'går', 'gatt': 'gått', 'gdllande': 'gällande', 'gdng': 'gång', 'gdnger': 'gånger', 'gdrs': 'görs',
    'genomfdra': 'genomföra', 'genomfdrandefasen': 'genomförandefasen', 'genomfdrandet': 'genomförandet',
    'genomfdras': 'genomföras', 'genomfdrs': 'genomförs', 'genomfor': 'genomför', 'genomfora': 'genomföra',
    'genomforande': 'genomförande', 'genomforandefasen': 'genomförandefasen',
    'genomforandeprojekt': 'genomförandeprojekt', 'genomforas': 'genomföras', 'genomford': 'genomförd',
    'genomfordes': 'genomfördes', 'genomfors': 'genomförs', 'genomfort': 'genomfört', 'genomfér': 'genomför',
    'genomféra': 'genomföra', 'genomférande': 'genomförande', 'genomférandefas': 'genomförandefas',
    'genomférandefasen': 'genomförandefasen', 'genomféras': 'genomföras', 'genomférde': 'genomförde',
    'genomférdes': 'genomfördes', 'genomférs': 'genomförs', 'genomga': 'genomgå', 'genomgang': 'genomgång',
    'genomgatt': 'genomgått', 'gillande': 'gällande', 'giller': 'gäller', 'godkanna': 'godkänna',
    'godkannas': 'godkännas', 'godkanner': 'godkänner', 'godkant': 'godkänt', 'gor': 'gör', 'gora': 'göra',
    'goras': 'göras', 'gors': 'görs', 'goteborg': 'göteborg', 'grazon': 'gråzon', 'grenden': 'ärenden',
    'grundférut': 'grundförut', 'grundférutsattning': 'grundförutsättning', 'grundldggande': 'grundläggande',
    'gruppmote': 'gruppmöte', 'gvergang': 'övergång', 'géillande': 'gällande', 'géllande': 'gällande',
    'géller': 'gäller', 'gér': 'gör', 'géra': 'göra', 'géras': 'göras', 'h&bo': 'håbo', 'habo': 'håbo',
    'hailer': 'håller', 'hal': 'hål', 'halften': 'hälften', 'halla': 'hålla', 'hallas': 'hållas',
    'hallbar': 'hållbar', 'hallbara': 'hållbara', 'hallbarhet': 'hållbarhet', 'hallbart': 'hållbart',
    'haller': 'håller', 'halls': 'hålls', 'halsa': 'hälsa', 'halso': 'hälso', 'halvar': 'halvår',
    'handlaggare': 'handläggare', 'handlaggares': 'handläggares', 'handlaggarstod': 'handläggarstöd',
    'handlaggning': 'handläggning', 'handldggare': 'handläggare', 'handldggares': 'handläggares',
    'handldggarstéd': 'handläggarstöd', 'handliggare': 'handläggare', 'handlédggare': 'handläggare',
    'handléggare': 'handläggare', 'handléiggare': 'handläggare', 'hanger': 'hänger', 'hant': 'hänt',
    'hart': 'hårt', 'harutéver': 'härutöver', 'havstangseffekt': 'hävstångseffekt', 'hdbo': 'håbo', 'hdg': 'hög',
    'hdja': 'höja', 'hdjning': 'höjning', 'hdjningen': 'höjningen', 'hdlsa': 'hälsa', 'hdmta': 'hämta',
    'hdmtar': 'hämtar', 'hdsten': 'hösten', 'hehéver': 'behöver', 'heltidstjanst': 'heltidstjänst', 'hibo': 'håbo',
    'hjalp': 'hjälp', 'hjalpa': 'hjälpa', 'hjalpmedel': 'hjälpmedel', 'hjdlp': 'hjälp', 'hjdlpa': 'hjälpa',
    'hjilp': 'hjälp', 'hjélp': 'hjälp', 'hjélpa': 'hjälpa', 'hog': 'hög', 'hogaktuellt': 'högaktuellt',
    'hogbergsskolan': 'högbergsskolan', 'hogre': 'högre', 'hogskoleutbildning': 'högskoleutbildning',
    'hogsta': 'högsta', 'hogt': 'högt', 'hogutbildade': 'högutbildade', 'hoja': 'höja', 'hojd': 'höjd',
    'hojning': 'höjning', 'host': 'höst', 'hosten': 'hösten', 'hostmote': 'höstmöte', 'hushall': 'hushåll',
    'héalsa': 'hälsa', 'hég': 'hög', 'hégre': 'högre', 'héja': 'höja', 'héjning': 'höjning', 'hélften': 'hälften',
    'hélsa': 'hälsa', 'hénvisas': 'hänvisas', 'hésten': 'hösten', 'i4n': 'län', 'i6pande': 'löpande',
    'i6per': 'löper', 'i6sning': 'lösning', 'i6sningar': 'lösningar', 'i6sningsfokuserat': 'lösningsfokuserat',
    'i8sningar': 'lösningar', 'iag': 'låg', 'ian': 'län', 'iansprakta': 'ianspråkta', 'idagga': 'lägga',
    'idmna': 'lämna', 'idng': 'lång', 'ifragasatta': 'ifrågasätta', 'ifran': 'ifrån', 'ifrdn': 'ifrån',
    'igang': 'igång', 'igdng': 'igång', 'ihallande': 'ihållande', 'individkdnnedom': 'individkännedom',
    'individniva': 'individnivå', 'inflodet': 'inflödet', 'infor': 'inför', 'infors': 'införs',
    'inforts': 'införts', 'infér': 'inför', 'inférs': 'införs', 'inga': 'ingå', 'ingaende': 'ingående',
    'ingang': 'ingång', 'ingangar': 'ingångar', 'ingangsjobb': 'ingångsjobb', 'ingangsjobben': 'ingångsjobben',
    'ingar': 'ingår', 'ingd': 'ingå', 'ingdng': 'ingång', 'ingdr': 'ingår', 'ingé': 'ingå', 'ingér': 'ingår',
    'inhdmtande': 'inhämtande', 'inhdmtas': 'inhämtas', 'innebar': 'innebär', 'innebara': 'innebära',
    'innebdar': 'innebär', 'innebér': 'innebär', 'innebéra': 'innebära', 'innehall': 'innehåll',
    'innehalla': 'innehålla', 'innehaller': 'innehåller', 'innehallet': 'innehållet', 'innehdller': 'innehåller',
    'inrdttas': 'inrättas', 'insatsagare': 'insatsägare', 'insatsagarna': 'insatsägarna',
    'insatsdgare': 'insatsägare', 'insatsdgarna': 'insatsägarna', 'insatsfinansiar': 'insatsfinansiär',
    'insatsigarna': 'insatsägarna', 'insatsmal': 'insatsmål', 'insatsédgare': 'insatsägare',
    'insatségare': 'insatsägare', 'intakt': 'intäkt', 'intakter': 'intäkter', 'intrade': 'inträde',
    'intrdade': 'inträde', 'intéakterna': 'intäkterna', 'intékter': 'intäkter', 'invanare': 'invånare',
    'ionsniva': 'ionsnivå', 'iopande': 'löpande', 'istallet': 'istället', 'istéllet': 'istället', 'it': 'åt',
    'jamfort': 'jämfört', 'jamfért': 'jämfört', 'jamlik': 'jämlik', 'jamlikt': 'jämlikt',
    'jamstalldhet': 'jämställdhet', 'jamstalldhets': 'jämställdhets', 'jamstalldhetsarbete': 'jämställdhetsarbete',
    'jamstalldhetsintegrering': 'jämställdhetsintegrering', 'jamstalldhetsmal': 'jämställdhetsmål',
    'jamstélldhet': 'jämställdhet', 'jgmna': 'jämna', 'kalla': 'källa', 'kannetecknas': 'kännetecknas',
    'karaktar': 'karaktär', 'karaktdr': 'karaktär', 'karaktér': 'karaktär', 'kartlaggande': 'kartläggande',
    'kartlagger': 'kartlägger', 'kartlaggning': 'kartläggning', 'kartldggande': 'kartläggande',
    'kartldgger': 'kartlägger', 'kartldggning': 'kartläggning', 'kartldggningen': 'kartläggningen',
    'kartliggande': 'kartläggande', 'kassor': 'kassör', 'kdannedom': 'kännedom', 'kdnd': 'känd', 'kdnda': 'kända',
    'kdnnedom': 'kännedom', 'kdnnetecknar': 'kännetecknar', 'kdnsneutralt': 'könsneutralt',
    'kdnstillhorighet': 'könstillhörighet', 'klargdra': 'klargöra', 'klargors': 'klargörs', 'klargéra': 'klargöra',
    'klargérande': 'klargörande', 'klarlaggs': 'klarläggs', 'kodnsovergripande': 'könsövergripande',
    'kommundévergripande': 'kommunövergripande', 'kommuninvanare': 'kommuninvånare',
    'kommunovergripande': 'kommunövergripande', 'kompetenshdjande': 'kompetenshöjande',
    'kompetensutvecklingsomradet': 'kompetensutvecklingsområdet', 'kon': 'kön',
    'konkurrensutsatts': 'konkurrensutsätts', 'konsférdelning': 'könsfördelning',
    'konstillhorighet': 'könstillhörighet', 'konstillhérighet': 'könstillhörighet', 'kontaktvagar': 'kontaktvägar',
    'kops': 'köps', 'kraver': 'kräver', 'kravs': 'krävs', 'kunskapsnivan': 'kunskapsnivån',
    'kunskapséverforing': 'kunskapsöverföring', 'kurstillfallen': 'kurstillfällen',
    'kvalitetssakrat': 'kvalitetssäkrat', 'kvalitetssakring': 'kvalitetssäkring',
    'kvalitetsuppféljning': 'kvalitetsuppföljning', 'kvarsta': 'kvarstå', 'kvarstar': 'kvarstår', 'kélla': 'källa',
    'kénen': 'könen', 'kép': 'köp', 'l&ngvarigt': 'långvarigt', 'l4n': 'län', 'l6sa': 'lösa', 'l6sas': 'lösas',
    'lage': 'läge', 'laget': 'läget', 'lagga': 'lägga', 'laggas': 'läggas', 'lagger': 'lägger',
    'laggning': 'läggning', 'laggs': 'läggs', 'lagre': 'lägre', 'lagutbildade': 'lågutbildade', 'lamna': 'lämna',
    'lamnar': 'lämnar', 'lamnas': 'lämnas', 'lamnat': 'lämnat', 'lamplig': 'lämplig', 'lampliga': 'lämpliga',
    'lan': 'län', 'lanet': 'länet', 'lanets': 'länets', 'lang': 'lång', 'langre': 'längre', 'langs': 'längs',
    'langsammare': 'långsammare', 'langsiktig': 'långsiktig', 'langsiktiga': 'långsiktiga',
    'langsiktighet': 'långsiktighet', 'langsiktigt': 'långsiktigt', 'langst': 'längst', 'langt': 'långt',
    'langtgaende': 'långtgående', 'langtgdende': 'långtgående', 'langtidsarbetsl6sa': 'långtidsarbetslösa',
    'langtidsarbetsldsa': 'långtidsarbetslösa', 'langtidsarbetslosa': 'långtidsarbetslösa',
    'langtidsarbetsloshet': 'långtidsarbetslöshet', 'langtidsarbetslosheten': 'långtidsarbetslösheten',
    'langtidsarbetslésa': 'långtidsarbetslösa', 'langtidsarbetslésheten': 'långtidsarbetslösheten',
    'langtidssjukskrivna': 'långtidssjukskrivna', 'langvarig': 'långvarig', 'langvarigt': 'långvarigt',
    'lank': 'länk', 'lans': 'läns', 'lansstyrelsen': 'länsstyrelsen', 'larande': 'lärande', 'lardomar': 'lärdomar',
    'latt': 'lätt', 'lattare': 'lättare', 'ldan': 'län', 'ldanets': 'länets', 'ldankar': 'länkar',
    'ldget': 'läget', 'ldggas': 'läggas', 'ldmna': 'lämna', 'ldn': 'län', 'ldnets': 'länets', 'ldng': 'lång',
    'ldngsiktigt': 'långsiktigt', 'ldns': 'läns', 'ldttare': 'lättare', 'ledamater': 'ledamöter',
    'ledningsnivd': 'ledningsnivå', 'lgnakostnader': 'lönekostnader', 'lgngvarigt': 'långvarigt', 'lgt': 'lågt',
    'liget': 'läget', 'liggas': 'läggas', 'likval': 'likväl', 'likvardig': 'likvärdig', 'likvardigt': 'likvärdigt',
    'likvdrdig': 'likvärdig', 'liopande': 'löpande', 'lokusgruppsmote': 'lokusgruppsmöte',
    'lokusmdéte': 'lokusmöte', 'loper': 'löper', 'losningar': 'lösningar',
    'losningsfokuserat': 'lösningsfokuserat', 'losningsinriktat': 'lösningsinriktat', 'léngst': 'längst',
    'lésningsfokuserat': 'lösningsfokuserat', 'lésningsinriktat': 'lösningsinriktat', 'm&ta': 'mäta',
    'maende': 'mående', 'maigruppen': 'målgruppen', 'majlig': 'möjlig', 'majlighet': 'möjlighet',
    'majligheten': 'möjligheten', 'mal': 'mål', 'malen': 'målen', 'malet': 'målet', 'malgrupp': 'målgrupp',
    'malgruppen': 'målgruppen', 'malgruppens': 'målgruppens', 'malgrupper': 'målgrupper',
    'malgrupperna': 'målgrupperna', 'malinriktat': 'målinriktat', 'malmo': 'malmö', 'malsattning': 'målsättning',
    'malsattningen': 'målsättningen', 'malsdttningen': 'målsättningen', 'malsittning': 'målsättning',
    'maluppfyllelse': 'måluppfyllelse', 'manad': 'månad', 'manader': 'månader', 'manads': 'månads',
    'manadsstatistik': 'månadsstatistik', 'manga': 'många', 'manniskor': 'människor', 'maojlighet': 'möjlighet',
    'maojligheten': 'möjligheten', 'maojligt': 'möjligt', 'mard': 'mård', 'marknadsfora': 'marknadsföra',
    'maste': 'måste', 'mata': 'mäta', 'mater': 'mäter', 'mats': 'mäts', 'maéan': 'män', 'maéjlighet': 'möjlighet',
    'maétning': 'mätning', 'md6tet': 'mötet', 'mdgjliga': 'möjliga', 'mdjlighet': 'möjlighet',
    'mdjligheter': 'möjligheter', 'mdl': 'mål', 'mdlen': 'målen', 'medfor': 'medför', 'medfort': 'medfört',
    'medlemsavagifter': 'medlemsavgifter', 'medlemsforbunden': 'medlemsförbunden',
    'medlemsférbundens': 'medlemsförbundens', 'medlemsmatet': 'medlemsmötet', 'medlemsmote': 'medlemsmöte',
    'medlemsmotet': 'medlemsmötet', 'medlemsmétet': 'medlemsmötet', 'mervarde': 'mervärde',
    'metodmaéten': 'metodmöten', 'metodmoten': 'metodmöten', 'mgjligt': 'möjligt', 'mojliga': 'möjliga',
    'mojliggdra': 'möjliggöra', 'mojliggor': 'möjliggör', 'mojliggora': 'möjliggöra', 'mojliggors': 'möjliggörs',
    'mojlighet': 'möjlighet', 'mojligheten': 'möjligheten', 'mojligheter': 'möjligheter', 'mojligt': 'möjligt',
    'monster': 'mönster', 'mota': 'möta', 'motas': 'mötas', 'mote': 'möte', 'moten': 'möten', 'moter': 'möter',
    'motesplats': 'mötesplats', 'motesplatsen': 'mötesplatsen', 'motet': 'mötet', 'motgdngar': 'motgångar',
    'motivationsstarkande': 'motivationsstärkande', 'myndighetsaktdrerna': 'myndighetsaktörerna',
    'myndighetsaktorer': 'myndighetsaktörer', 'myndighetsaktorerna': 'myndighetsaktörerna',
    'myndighetskannedom': 'myndighetskännedom', 'mé&lgruppen': 'målgruppen', 'méalen': 'målen', 'méan': 'män',
    'méata': 'mäta', 'méjliga': 'möjliga', 'méjliggéra': 'möjliggöra', 'méjlighet': 'möjlighet',
    'méjligheten': 'möjligheten', 'méjligheter': 'möjligheter', 'méjligheterna': 'möjligheterna', 'mélet': 'målet',
    'mén': 'män', 'ménga': 'många', 'ménster': 'mönster', 'méta': 'möta', 'métas': 'mötas', 'méten': 'möten',
    'métena': 'mötena', 'méter': 'möter', 'métesformer': 'mötesformer', 'métesplats': 'mötesplats',
    'métet': 'mötet', 'na': 'nå', 'nad': 'nå', 'nagon': 'någon', 'nagot': 'något', 'nagra': 'några',
    'namnda': 'nämnda', 'nar': 'när', 'nara': 'nära', 'naringslivsenhet': 'näringslivsenhet',
    'naringslivsenheten': 'näringslivsenheten', 'naringslivsinspiratdr': 'näringslivsinspiratör',
    'naringslivsinspiratéren': 'näringslivsinspiratören', 'naringslivsutvecklare': 'näringslivsutvecklare',
    'narliggande': 'närliggande', 'narma': 'närma', 'narmare': 'närmare', 'naromraden': 'närområden',
    'narvarande': 'närvarande', 'narvardskoordinator': 'närvårdskoordinator', 'narvaro': 'närvaro',
    'narvarorapportering': 'närvarorapportering', 'nas': 'nås', 'nast': 'näst', 'nasta': 'nästa',
    'nastan': 'nästan', 'nastkommande': 'nästkommande', 'natverk': 'nätverk', 'natverka': 'nätverka',
    'natverket': 'nätverket', 'natverksgrupper': 'nätverksgrupper', 'natverkstraffar': 'nätverksträffar',
    'nd': 'nå', 'ndgon': 'någon', 'ndgot': 'något', 'ndista': 'nästa', 'ndr': 'när', 'ndra': 'nära',
    'ndrma': 'närma', 'ndrmare': 'närmare', 'ndsta': 'nästa', 'ndtverk': 'nätverk', 'nedanstaende': 'nedanstående',
    'nedanstdende': 'nedanstående', 'nedanstidende': 'nedanstående', 'nedanstiende': 'nedanstående', 'nir': 'när',
    'nista': 'nästa', 'nitverk': 'nätverk', 'niva': 'nivå', 'nivaer': 'nivåer', 'nulaget': 'nuläget',
    'nuldge': 'nuläge', 'nuligesanalys': 'nulägesanalys', 'nyanlanda': 'nyanlända', 'nyanldnda': 'nyanlända',
    'néaringslivsenhet': 'näringslivsenhet', 'nédvandiga': 'nödvändiga', 'nédvandigt': 'nödvändigt', 'nér': 'när',
    'néra': 'nära', 'ocksa': 'också', 'ocksd': 'också', 'ocksé': 'också', 'ockséa': 'också', 'ohalsa': 'ohälsa',
    'ohalsan': 'ohälsan', 'ohdlsa': 'ohälsa', 'ohilsa': 'ohälsa', 'ohélsa': 'ohälsa',
    'ojamlikheten': 'ojämlikheten', 'ojamstalldhet': 'ojämställdhet', 'oka': 'öka', 'okad': 'ökad',
    'okade': 'ökade', 'okar': 'ökar', 'okat': 'ökat', 'okningen': 'ökningen', 'okningstakten': 'ökningstakten',
    'omndmns': 'omnämns', 'omrade': 'område', 'omraden': 'områden', 'omradet': 'området',
    'omvarldsbevakning': 'omvärldsbevakning', 'omvirldsbevakning': 'omvärldsbevakning',
    'omviérldsbevakning': 'omvärldsbevakning', 'onskar': 'önskar', 'onskemalen': 'önskemålen', 'ookat': 'ökat',
    'ordférande': 'ordförande', 'ordférandekonferensen': 'ordförandekonferensen',
    'ordférandetréaffar': 'ordförandeträffar', 'ordningsforbund': 'ordningsförbund',
    'organisationsniva': 'organisationsnivå', 'orosanmalningar': 'orosanmälningar', 'orérd': 'orörd',
    'osakerhet': 'osäkerhet', 'osakerheten': 'osäkerheten', 'ostergbtlands': 'östergötlands',
    'ostergétland': 'östergötland', 'ostergétlands': 'östergötlands', 'ovanstaende': 'ovanstående',
    'ovanstéende': 'ovanstående', 'over': 'över', 'overenskommelse': 'överenskommelse',
    'overenskommits': 'överenskommits', 'overgripande': 'övergripande', 'oversittning': 'översättning',
    'overstiga': 'överstiga', 'oversyn': 'översyn', 'overvaga': 'överväga', 'oviiga': 'övriga', 'ovrig': 'övrig',
    'ovriga': 'övriga', 'p&': 'på', 'p3': 'på', 'p4': 'på', 'pa': 'på', 'pabdrjats': 'påbörjats',
    'paborja': 'påbörja', 'paborjad': 'påbörjad', 'pabérja': 'påbörja', 'pagaende': 'pågående', 'pagar': 'pågår',
    'papekade': 'påpekade', 'parlbandseffekt': 'pärlbandseffekt', 'paverka': 'påverka', 'paverkades': 'påverkades',
    'paverkansarbete': 'påverkansarbete', 'pd': 'på', 'pdbérja': 'påbörja',
    'personeriinsatsen': 'personer i insatsen', 'pi': 'på', 'poangterade': 'poängterade',
    'poangterar': 'poängterar', 'podingtera': 'poängtera', 'podngterar': 'poängterar', 'poiingtera': 'poängtera',
    'positionsforflyttning': 'positionsförflyttning', 'primara': 'primära', 'primart': 'primärt',
    'primédra': 'primära', 'processtodjare': 'processtödjare', 'processtédjare': 'processtödjare',
    'progressionsmatning': 'progressionsmätning', 'progressionsmatningsmetod': 'progressionsmätningsmetod',
    'progressionsmatningsverktyg': 'progressionsmätningsverktyg', 'projektagare': 'projektägare',
    'projektanstallda': 'projektanställda', 'projektansékan': 'projektansökan', 'projektiedare': 'projektledare',
    'projektliget': 'projektläget', 'projektmalen': 'projektmålen', 'projektniva': 'projektnivå', 'prova': 'pröva',
    'provar': 'prövar', 'provas': 'prövas', 'provat': 'prövat', 'provats': 'prövats', 'préva': 'pröva',
    'prévat': 'prövat', 'pé': 'på', 'pélagg': 'pålägg', 'példgg': 'pålägg', 'rader': 'råder', 'radet': 'rådet',
    'ratt': 'rätt', 'rattstillampning': 'rättstillämpning', 'rdtt': 'rätt', 'redogdr': 'redogör',
    'redogér': 'redogör', 'referensgruppsmoten': 'referensgruppsmöten',
    'rehabiliteringsomradet': 'rehabiliteringsområdet', 'resultatuppféljning': 'resultatuppföljning',
    'ricker': 'räcker', 'ritt': 'rätt', 'ror': 'rör', 'rorande': 'rörande', 'roster': 'röster', 'rér': 'rör',
    'rérande': 'rörande', 's&': 'så', 's&nka': 'sänka', 's&vil': 'såväl', 's3': 'så', 's6ka': 'söka',
    's6rmland': 'sörmland', 'sa': 'så', 'sags': 'sägs', 'sakerstalla': 'säkerställa',
    'sakerstaller': 'säkerställer', 'sakerstalls': 'säkerställs', 'salja': 'sälja', 'samforstand': 'samförstånd',
    'samgaendet': 'samgåendet', 'samhallet': 'samhället', 'samhallets': 'samhällets',
    'samhallsaktorer': 'samhällsaktörer', 'samhallsnytta': 'samhällsnytta', 'samhallspaverkan': 'samhällspåverkan',
    'samhallsstrukturen': 'samhällsstrukturen', 'samhallsutveckling': 'samhällsutveckling',
    'samhallsutvecklingen': 'samhällsutvecklingen', 'samhéllet': 'samhället', 'sammanstalla': 'sammanställa',
    'sammanstaller': 'sammanställer', 'sammanstélining': 'sammanställning', 'sammanstéllas': 'sammanställas',
    'samordningsfor': 'samordningsför', 'samordningsforbund': 'samordningsförbund',
    'samordningsforbunden': 'samordningsförbunden', 'samordningsforbundens': 'samordningsförbundens',
    'samordningsforbundet': 'samordningsförbundet', 'samordningsforbundets': 'samordningsförbundets',
    'samordningsféorbundet': 'samordningsförbundet', 'samordningsférbund': 'samordningsförbund',
    'samordningsférbunden': 'samordningsförbunden', 'samordningsférbundens': 'samordningsförbundens',
    'samordningsférbundet': 'samordningsförbundet', 'samordningsférbundets': 'samordningsförbundets',
    'samverkansmoten': 'samverkansmöten', 'sander': 'sänder', 'sanka': 'sänka', 'sankas': 'sänkas',
    'sants': 'sänts', 'sarbart': 'sårbart', 'sarskild': 'särskild', 'sarskilda': 'särskilda',
    'sarskilt': 'särskilt', 'sasom': 'såsom', 'satt': 'sätt', 'sattas': 'sättas', 'satter': 'sätter',
    'sattning': 'sättning', 'sattningar': 'sättningar', 'satts': 'sätts', 'saval': 'såväl', 'savil': 'såväl',
    'sbka': 'söka', 'sd': 'så', 'sdga': 'säga', 'sdka': 'söka', 'sdkerstalla': 'säkerställa',
    'sdkerstdlla': 'säkerställa', 'sdkerstélls': 'säkerställs', 'sdledes': 'således', 'sdodertélje': 'södertälje',
    'sdsom': 'såsom', 'sdvja': 'sävja', 'sektorsévergripande': 'sektorsövergripande', 'sfl': 'sfi',
    'sikerstéller': 'säkerställer', 'sirskild': 'särskild', 'sirskilda': 'särskilda', 'sjalv': 'själv',
    'sjalva': 'själva', 'sjalvforsérjande': 'självförsörjande', 'sjalvgdende': 'självgående',
    'sjalvkansla': 'självkänsla', 'sjalvklar': 'självklar', 'sjalvklart': 'självklart',
    'sjalvkostnader': 'självkostnader', 'sjalvstandig': 'självständig', 'sjalvstandigt': 'självständigt',
    'sjdlv': 'själv', 'sjdlvkinsla': 'självkänsla', 'sjdlvmord': 'självmord',
    'sjukforsakringen': 'sjukförsäkringen', 'sjukvarden': 'sjukvården', 'sjélva': 'själva', 'skdl': 'skäl',
    'skilinad': 'skillnad', 'skots': 'sköts', 'skéta': 'sköta', 'slumpmassigt': 'slumpmässigt',
    'slutféra': 'slutföra', 'slutférda': 'slutförda', 'smaféretagarkommun': 'småföretagarkommun',
    'snittaldern': 'snittåldern', 'socialforvaltning': 'socialförvaltning',
    'socialforvaltningen': 'socialförvaltningen', 'socialférvaltning': 'socialförvaltning',
    'socialférvaltningen': 'socialförvaltningen', 'socialtjanst': 'socialtjänst', 'socialtjdnst': 'socialtjänst',
    'socialtjdnsten': 'socialtjänsten', 'socialtjénst': 'socialtjänst', 'soka': 'söka', 'soker': 'söker',
    'spar': 'spår', 'sprakbruk': 'språkbruk', 'spraket': 'språket', 'sprakpraktik': 'språkpraktik',
    'sprakror': 'språkrör', 'st6d': 'stöd', 'sta': 'stå', 'stad': 'städ', 'staende': 'stående', 'stalla': 'ställa',
    'staller': 'ställer', 'stallet': 'stället', 'stallning': 'ställning', 'stallningen': 'ställningen',
    'stallt': 'ställt', 'stamma': 'stämma', 'standigt': 'ständigt', 'star': 'står', 'starka': 'stärka',
    'starker': 'stärker', 'statt': 'stått', 'std': 'stå', 'stdd': 'stöd', 'stddet': 'stödet',
    'stddinsatser': 'stödinsatser', 'stddja': 'stödja', 'stddjas': 'stödjas', 'stdja': 'stödja',
    'stdllet': 'stället', 'stdrka': 'stärka', 'stdrre': 'större', 'stdédjande': 'stödjande',
    'stegforflyttning': 'stegförflyttning', 'stillt': 'ställt', 'stirka': 'stärka', 'stirker': 'stärker',
    'stod': 'stöd', 'stodd': 'stödd', 'stodet': 'stödet', 'stodinsatser': 'stödinsatser',
    'stodinsatserna': 'stödinsatserna', 'stodja': 'stödja', 'stodjer': 'stödjer', 'storre': 'större',
    'storst': 'störst', 'storsta': 'största', 'stotta': 'stötta', 'strukturniva': 'strukturnivå', 'sttd': 'stöd',
    'studiebesok': 'studiebesök', 'studieforbereda': 'studieförbereda', 'studieférberedande': 'studieförberedande',
    'studieniva': 'studienivå', 'styrelsemdten': 'styrelsemöten', 'styrelsemdtet': 'styrelsemötet',
    'styrelsemote': 'styrelsemöte', 'styrelsemotet': 'styrelsemötet', 'styrelseméte': 'styrelsemöte',
    'styrelsemétet': 'styrelsemötet', 'styrelsesammantrade': 'styrelsesammanträde',
    'styrgruppsmoten': 'styrgruppsmöten', 'styrgruppsmétena': 'styrgruppsmötena', 'sté': 'stå', 'stéd': 'stöd',
    'stédja': 'stödja', 'stélla': 'ställa', 'stéllas': 'ställas', 'stéller': 'ställer', 'stéllning': 'ställning',
    'stéllt': 'ställt', 'stérka': 'stärka', 'stérre': 'större', 'stétta': 'stötta', 'stéttar': 'stöttar',
    'svarare': 'svårare', 'svarigheter': 'svårigheter', 'svart': 'svårt', 'synliggora': 'synliggöra',
    'synliggéra': 'synliggöra', 'synsatt': 'synsätt', 'sysselsattning': 'sysselsättning',
    'sysselsattningsindikatorprojektet': 'sysselsättningsindikatorprojektet', 'sysselsdttning': 'sysselsättning',
    'séderberg': 'söderberg', 'séiga': 'säga', 'séka': 'söka', 'sékande': 'sökande', 'séker': 'söker',
    'sékerstaller': 'säkerställer', 'sékra': 'säkra', 'sékrat': 'säkrat', 'sérskilt': 'särskilt', 'sévja': 'sävja',
    'tacka': 'täcka', 'tackas': 'täckas', 'tackningsgrad': 'täckningsgrad', 'tacks': 'täcks', 'tackta': 'täckta',
    'tackts': 'täckts', 'tafram': 'ta fram', 'tang': 'lång', 'tanka': 'tänka', 'tanker': 'tänker',
    'tappa': 'täppa', 'tat': 'tät', 'tatt': 'tätt', 'tdcka': 'täcka', 'tianstemannaniva': 'tjänstemannanivå',
    'tianstemannastodet': 'tjänstemannastödet', 'tidnstemannastdd': 'tjänstemannastöd',
    'tillaggsansokan': 'tilläggsansökan', 'tillaggsavtal': 'tilläggsavtal', 'tillampliga': 'tillämpliga',
    'tillater': 'tillåter', 'tillfalle': 'tillfälle', 'tillfallen': 'tillfällen', 'tillfalligt': 'tillfälligt',
    'tillfdllen': 'tillfällen', 'tillfraga': 'tillfråga', 'tillgang': 'tillgång', 'tillganglig': 'tillgänglig',
    'tillgangliga': 'tillgängliga', 'tillganglighet': 'tillgänglighet', 'tillganglighets': 'tillgänglighets',
    'tillganglighetsperspektiv': 'tillgänglighetsperspektiv', 'tillgdng': 'tillgång',
    'tillgdngliga': 'tillgängliga', 'tillgdnglighet': 'tillgänglighet', 'tillgdnglighets': 'tillgänglighets',
    'tillgéng': 'tillgång', 'tillgéngligt': 'tillgängligt', 'tillhdra': 'tillhöra', 'tillhorighet': 'tillhörighet',
    'tillimpas': 'tillämpas', 'tillimpliga': 'tillämpliga', 'tillimpning': 'tillämpning',
    'tillkdnnages': 'tillkännages', 'tillracklig': 'tillräcklig', 'tillrackligt': 'tillräckligt',
    'tillrdtta': 'tillrätta', 'tillsattande': 'tillsättande', 'tillsattandet': 'tillsättandet',
    'tillsdttandet': 'tillsättandet', 'tillsdttas': 'tillsättas', 'tillvagagangssatt': 'tillvägagångssätt',
    'tillvixtbranscher': 'tillväxtbranscher', 'tilsammans': 'tillsammans', 'timanstallda': 'timanställda',
    'tinkas': 'tänkas', 'tinker': 'tänker', 'tjanst': 'tjänst', 'tjanstedesign': 'tjänstedesign',
    'tjansteman': 'tjänstemän', 'tjanstemannaniva': 'tjänstemannanivå', 'tjanstemannastdd': 'tjänstemannastöd',
    'tjanstemannastddet': 'tjänstemannastödet', 'tjanstemannastdéd': 'tjänstemannastöd',
    'tjanstemannastod': 'tjänstemannastöd', 'tjanstemannastodet': 'tjänstemannastödet',
    'tjanstemannasttdet': 'tjänstemannastödet', 'tjanstemannastéd': 'tjänstemannastöd',
    'tjanstemannastédet': 'tjänstemannastödet', 'tjanstemannastéod': 'tjänstemannastöd',
    'tjanstemannastöd': 'tjänstemannastöd', 'tjanstemannen': 'tjänstemannen', 'tjanster': 'tjänster',
    'tjanstesektor': 'tjänstesektor', 'tjdnstemannastod': 'tjänstemannastöd',
    'tjdnstemannastodet': 'tjänstemannastödet', 'tjdnstemannastéd': 'tjänstemannastöd', 'tjdnster': 'tjänster',
    'tjianstemannastdd': 'tjänstemannastöd', 'tjianstemannastodet': 'tjänstemannastödet',
    'tjénstedesign': 'tjänstedesign', 'trada': 'träda', 'traffar': 'träffar', 'traffas': 'träffas',
    'traffsakert': 'träffsäkert', 'trana': 'träna', 'trangs': 'trängs', 'trappstegstank': 'trappstegstänk',
    'triffa': 'träffa', 'triffas': 'träffas', 'tréana': 'träna', 'tréffade': 'träffade', 'tréffas': 'träffas',
    'turistnadringen': 'turistnäringen', 'tva': 'två', 'tydliggéra': 'tydliggöra', 'tydliggéras': 'tydliggöras',
    'tyvarr': 'tyvärr', 'ténker': 'tänker', 'undantrangningseffekterna': 'undanträngningseffekterna',
    'underlatta': 'underlätta', 'underlattar': 'underlättar', 'underlattas': 'underlättas',
    'undersoker': 'undersöker', 'ungdomshandliggare': 'ungdomshandläggare', 'uppat': 'uppåt', 'uppbar': 'uppbär',
    'uppbéar': 'uppbär', 'uppbér': 'uppbär', 'uppfdljning': 'uppföljning', 'uppfdljningar': 'uppföljningar',
    'uppfodljning': 'uppföljning', 'uppfoljning': 'uppföljning', 'uppfoljningssystem': 'uppföljningssystem',
    'uppfoljningssystemet': 'uppföljningssystemet', 'uppfoljningsverktyg': 'uppföljningsverktyg',
    'uppfélining': 'uppföljning', 'uppféljning': 'uppföljning', 'uppféljningar': 'uppföljningar',
    'uppféljningsarbetet': 'uppföljningsarbetet', 'uppféljningsprocess': 'uppföljningsprocess',
    'uppféljningssystem': 'uppföljningssystem', 'uppféljningsverktyg': 'uppföljningsverktyg', 'uppgar': 'uppgår',
    'upplagg': 'upplägg', 'upplégg': 'upplägg', 'uppna': 'uppnå', 'uppnar': 'uppnår', 'uppnas': 'uppnås',
    'uppnés': 'uppnås', 'uppratta': 'upprätta', 'upprattad': 'upprättad', 'upprattade': 'upprättade',
    'upprattande': 'upprättande', 'upprattas': 'upprättas', 'uppratthalla': 'upprätthålla',
    'upprittande': 'upprättande', 'uppréatthalla': 'upprätthålla', 'uppréatthallande': 'upprätthållande',
    'upprétta': 'upprätta', 'uppsokande': 'uppsökande', 'uppstar': 'uppstår', 'uppstkande': 'uppsökande',
    'uppsékande': 'uppsökande', 'upptacks': 'upptäcks', 'upptackt': 'upptäckt', 'utanfor': 'utanför',
    'utanforskap': 'utanförskap', 'utanfér': 'utanför', 'utanférskap': 'utanförskap',
    'utbildningsférvaltning': 'utbildningsförvaltning', 'utbildningsférvaltningen': 'utbildningsförvaltningen',
    'utbildningsniva': 'utbildningsnivå', 'utbildningstillfalle': 'utbildningstillfälle',
    'utbildningstillfallen': 'utbildningstillfällen', 'utbildningstillfdllen': 'utbildningstillfällen',
    'utbildningsvisendet': 'utbildningsväsendet', 'utdka': 'utöka', 'utdkade': 'utökade', 'utdkat': 'utökat',
    'utdkning': 'utökning', 'utdkningen': 'utökningen', 'utdver': 'utöver', 'utfarda': 'utfärda',
    'utford': 'utförd', 'utforlig': 'utförlig', 'utféra': 'utföra', 'utférande': 'utförande', 'utférs': 'utförs',
    'utga': 'utgå', 'utgadngsférmaga': 'utgångsförmåga', 'utgang': 'utgång', 'utgangspunkt': 'utgångspunkt',
    'utgangspunkter': 'utgångspunkter', 'utgdr': 'utgör', 'utgdra': 'utgöra', 'utgor': 'utgör', 'utgora': 'utgöra',
    'utgér': 'utgör', 'uthildas': 'utbildas', 'utifran': 'utifrån', 'utifrdan': 'utifrån', 'utifrdn': 'utifrån',
    'utifrén': 'utifrån', 'utoka': 'utöka', 'utokad': 'utökad', 'utokas': 'utökas', 'utokat': 'utökat',
    'utpréglad': 'utpräglad', 'utsant': 'utsänt', 'utsatts': 'utsätts', 'utstrackning': 'utsträckning',
    'utvardera': 'utvärdera', 'utvarderare': 'utvärderare', 'utvarderaren': 'utvärderaren',
    'utvarderas': 'utvärderas', 'utvardering': 'utvärdering', 'utvarderingar': 'utvärderingar',
    'utvarderingen': 'utvärderingen', 'utvarderingsenkéat': 'utvärderingsenkät', 'utvdrderare': 'utvärderare',
    'utvdrdering': 'utvärdering', 'utvdrderingen': 'utvärderingen', 'utvecklingsfragor': 'utvecklingsfrågor',
    'utvirdering': 'utvärdering', 'utvérdering': 'utvärdering', 'utéka': 'utöka', 'utékade': 'utökade',
    'utékas': 'utökas', 'utékat': 'utökat', 'utékning': 'utökning', 'utéver': 'utöver', 'vag': 'väg',
    'vagar': 'vägar', 'vagen': 'vägen', 'vagleda': 'vägleda', 'vagledare': 'vägledare', 'vagskal': 'vägskäl',
    'vagval': 'vägval', 'val': 'väl', 'vald': 'våld', 'valdet': 'våldet', 'valdigt': 'väldigt',
    'valdsutsatthet': 'våldsutsatthet', 'valfar': 'välfär', 'valfard': 'välfärd', 'valfarden': 'välfärden',
    'valfardsaktérerna': 'välfärdsaktörerna', 'valfardsarbete': 'välfärdsarbete',
    'valfardsarbetet': 'välfärdsarbetet', 'valfardsfaktorer': 'välfärdsfaktorer',
    'valfardsomradet': 'välfärdsområdet', 'valfardssystem': 'välfärdssystem',
    'valfardstjanster': 'välfärdstjänster', 'valfardsuppdraget': 'välfärdsuppdraget', 'valgrundad': 'välgrundad',
    'valmaende': 'välmående', 'vander': 'vänder', 'vard': 'vård', 'vardcentral': 'vårdcentral',
    'vardcentralen': 'vårdcentralen', 'vardcentraler': 'vårdcentraler', 'vardcentralerna': 'vårdcentralerna',
    'vardefull': 'värdefull', 'varden': 'vården', 'vardens': 'vårdens', 'vardgivare': 'vårdgivare',
    'vardinstans': 'vårdinstans', 'varen': 'våren', 'varfor': 'varför', 'varlden': 'världen', 'vart': 'vårt',
    'vasentlig': 'väsentlig', 'vasentligt': 'väsentligt', 'vaxa': 'växa', 'vaxande': 'växande', 'vaxt': 'växt',
    'vaxtverket': 'växtverket', 'vdg': 'väg', 'vdgen': 'vägen', 'vdrdgivare': 'vårdgivare', 'ven': 'även',
    'verksambhet': 'verksamhet', 'verksamhetsar': 'verksamhetsår', 'verksamhetsaret': 'verksamhetsåret',
    'verksamhetsfragor': 'verksamhetsfrågor', 'verksamhetsnira': 'verksamhetsnära', 'verkstal': 'verkstäl',
    'verkstalla': 'verkställa', 'verkstaller': 'verkställer', 'verktygslada': 'verktygslåda', 'vidgen': 'vägen',
    'vidmakthalla': 'vidmakthålla', 'vig': 'väg', 'vigledare': 'vägledare', 'vil': 'väl', 'vildigt': 'väldigt',
    'vir': 'vår', 'virdcentralerna': 'vårdcentralerna', 'végen': 'vägen', 'végleda': 'vägleda',
    'végledare': 'vägledare', 'véldigt': 'väldigt', 'vélfardssektorn': 'välfärdssektorn',
    'vélférdsomradet': 'välfärdsområdet', 'vénder': 'vänder', 'véxtverket': 'växtverket',
    'yrkesvagledning': 'yrkesvägledning', '|&ngtidsarbetsldsa': 'långtidsarbetslösa', '|6sning': 'lösning',
    '|amplig': 'lämplig', '|dag': 'idag', 'ékar': 'ökar', 'ékat': 'ökat', 'énskan': 'önskan',
    'énskemal': 'önskemål', 'éver': 'över', 'éverenskommits': 'överenskommits',
    'évergangsperiod': 'övergångsperiod', 'évergatt': 'övergått', 'éversattning': 'översättning',
}
# === RESTORE TABLE END ===

PRE_SUBS = [
    (re.compile(r'(?<=[A-Za-z])o[éÉ](?=[a-z])'), 'ö'),
    (re.compile(r'(?<=[A-Za-z])oO(?=[a-z])'), 'ö'),
    (re.compile(r'[\u2018\u2019]'), "'"),
    (re.compile(r'\s+([,.;:])(?=\s|$)'), r'\1'),
]
TOKEN_RE = re.compile(r"[\w&@|\[]+")
PROTECT_RE = re.compile(r"[\w.\-]+ ?@ ?[\w\-]+(?:\.[\w\-]+)+|https?://\S+")
NUM_RE = re.compile(r'^\d+([,.]\d+)?$')
YEAR_WORDS = {'per', 'tre', 'två', 'fyra', 'fem', 'sex', 'tio', 'flera', 'några', 'många', 'första',
              'ett', 'kommande', 'senaste', 'varje', 'dessa', 'samma', 'par', 'för', 'tidigare', 'under'}
PROPER = {'älvkarleby', 'östergötland', 'östergötlands', 'håbo', 'enköping', 'enköpings', 'bålsta', 'sävja',
          'sörmland', 'södertälje', 'malmö', 'göteborg', 'mård', 'backström', 'kjällman', 'räim', 'söderberg'}
OCR_ONLY_ALSO = {'samordningsforbundet', 'lanet', 'vaeksthusets'}
AR_TOKENS = {'ar', '&r', 'dr', '3r', '4r', 'ér', 'ir'}
PHRASES = [
    # (regex, replacement) applied after the word table; context the table cannot see
    (r'\bnågot sitt\b', 'något sätt'), (r'\bde sitt som\b', 'de sätt som'),
    (r'\bpå ett sitt\b', 'på ett sätt'), (r'\bvilket sitt\b', 'vilket sätt'),
    (r'\bunderbyggda väl\b', 'underbyggda val'), (r'\bBIP r\b', 'BIP är'), (r'\bsätt s att\b', 'sätt så att'),
    (r'\bstyrelse s har\b', 'styrelse så har'), (r'\bskall st kvar\b', 'skall stå kvar'),
    (r'\bbedöms st\b', 'bedöms stå'), (r'\bHar har\b', 'Här har'), (r'\blegat lagt\b', 'legat lågt'),
    (r'\bDet där viktigt\b', 'Det är viktigt'), (r'\bav vara\b', 'av våra'), (r'\bför vara\b', 'för våra'),
    (r'\buppnå vara\b', 'uppnå våra'), (r'\bmed lag ekonomisk\b', 'med låg ekonomisk'),
    (r'\bden stärka\b', 'den starka'), (r'\bprojektet när de\b', 'projektet når de'),
    (r'\bhar sätts upp\b', 'har satts upp'), (r'\bfortsatta att\b', 'fortsätta att'),
    (r'\bO0Okr\b', '000 kr'), (r'\b10 0O0O0kr\b', '10 000 kr'), (r'(\d) ?000kr\b', r'\1 000 kr'),
    (r'\(¥\)', '(*)'), (r'\bkommer ven\b', 'kommer även'), (r'\bvar villighet\b', 'vår villighet'),
    (r'\bmaj 8 6\b', 'maj § 6'), (r'\binte [&ä] möjlig\b', 'inte är möjlig'),
    (r' ?%o\b\.?', ' ‰'), (r'\bvikt r att\b', 'vikt är att'), (r'\bvl i\b', 'väl i'), (r'\biteam\b', 'i team'), (r'\bvara unga\b', 'våra unga'), (r'\bvara invånare\b', 'våra invånare'),
]


def _case_like(src: str, word: str) -> str:
    letters = [c for c in src if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return word.upper()
    first = src[:1]
    if first.isupper() or first in '|[':
        return word[:1].upper() + word[1:]
    if word in PROPER:
        return word[:1].upper() + word[1:]
    return word


def restore_text(text: str, ocr_only: bool = False) -> str:
    """Restore diacritics; with ocr_only (English text) only garbled tokens are touched."""
    for rx, rep in PRE_SUBS:
        text = rx.sub(rep, text)
    out = []
    pos = 0
    prev: list[str] = []
    protected = [mm.span() for mm in PROTECT_RE.finditer(text)]
    for m in TOKEN_RE.finditer(text):
        tok = m.group(0)
        low = tok.lower()
        rep = None
        if any(a <= m.start() < b for a, b in protected):
            continue
        if ocr_only and not re.search(r'[^A-Za-z]', tok) and low not in OCR_ONLY_ALSO:
            prev.append(low)
            continue
        if tok in ('|', '['):
            after = text[m.end():m.end() + 2]
            if after[:1] == ' ' and after[1:2].isalpha():
                rep = 'I'
        elif low in AR_TOKENS:
            p = prev[-1] if prev else ''
            after = text[m.end():m.end() + 6]
            if re.search(r'%\s*$', text[:m.start()]):
                rep = 'är'
            elif (NUM_RE.match(p) or p in YEAR_WORDS or re.match(r'^\d+-\d+$', p)
                  or re.match(r'^ (19|20)\d\d\b', after)):
                rep = 'år'
            else:
                rep = 'är'
            rep = _case_like(tok, rep)
        elif low == 'man' and len(prev) >= 2 and prev[-1] == 'och' and prev[-2] == 'kvinnor':
            rep = 'män'
        elif low in RESTORE:
            rep = _case_like(tok, RESTORE[low])
        if rep is not None and rep[:1] in 'ÅÄÖL' and tok[:1] in 'OIAÅÄÖ|[' and rep.lower() not in PROPER and \
                re.search(r'[a-zåäö,]\s+$', text[max(0, m.start() - 3):m.start()]):
            rep = rep[:1].lower() + rep[1:]  # an OCR capital in mid sentence ("enbart Okar")
        if rep is not None and rep != tok:
            out.append(text[pos:m.start()])
            out.append(rep)
            pos = m.end()
        prev.append((rep or tok).lower())
    out.append(text[pos:])
    text = ''.join(out)
    for rx, rep in PHRASES:
        text = re.sub(rx, rep, text)
    return text


def fold(s: str) -> str:
    s = s.lower()
    for a, b in (('å', 'a'), ('ä', 'a'), ('ö', 'o'), ('é', 'e'), ('”', '"'), ('“', '"')):
        s = s.replace(a, b)
    return re.sub(r'\s+', ' ', s).strip()


# =====================================================================
# Parsing OCR lines into blocks
# =====================================================================
# A block is a tuple whose first item is its kind:
#   ('title', t) ('h2', t) ('h3', t) ('h4', t) ('p', t) ('pi', t) ('small', t)
#   ('bullet', t) ('num', t) ('quote', t) ('right', t) ('caption', t)
#   ('figure', t) ('pagebreak',) ('table', rows, spec) ('goals', title, cells)
#   ('sig', role, rows)
BULLET_RE = re.compile(r'^(?:[eos¢«»*•\-–=+®v>]|o\)|[»«]\s*)\s+(?=\S)')
NUMBER_RE = re.compile(r'^(\d{1,2})[.,)]\s+(?=\S)')
LABELS = ('organisation:', 'kontaktperson:', 'e-post:', 'planerat startdatum', 'planerat slutdatum',
          'eventuellt slutdatum', 'ange förväntat antal', 'förväntat antal deltagare', 'projekttid:',
          'beslut:', 'förslag på beslut', 'källa', 'total bemanning')
FUNCTION_WORDS = {'och', 'eller', 'till', 'for', 'av', 'med', 'i', 'pa', 'som', 'att', 'om', 'samt', 'en', 'ett',
                  'den', 'det', 'de', 'vid', 'fran', 'mot', 'inom', 'under', 'hos', 'via', 'ocksa', 'dar', 'nar'}
KEEP_HYPHEN = {'word', 'esf', 'au', 'sip', 'it', 'eu', 'nns', 'lokus', 'af', 'kaa', 'smail', 'ams'}


def join_lines(a: str, b: str) -> str:
    if not a:
        return b
    m = re.search(r'(\w+)-$', a)
    if m and b[:1].islower() and not b.startswith(('och ', 'eller ')):
        pre = m.group(1)
        if pre.lower() in KEEP_HYPHEN or (pre.isupper() and len(pre) > 1):
            return a + b
        return a[:-1] + b
    return a + ' ' + b


class Parser:
    def __init__(self, headings=(), subheads=(), minor=(), width=None, restore=True):
        self.hd = ([(fold(h), 'h2') for h in headings] + [(fold(h), 'h3') for h in subheads]
                   + [(fold(h), 'h4') for h in minor])
        self.width = width
        self.restore = restore
        self.hd_re: list = []

    def r(self, s: str) -> str:
        if self.restore == 'ocr':
            return restore_text(s, ocr_only=True)
        return restore_text(s) if self.restore else s

    def heading_kind(self, line: str):
        for rx, kind in self.hd_re:
            if rx.match(line):
                return kind
        rl = fold(self.r(line)).rstrip(':').strip()
        for fh, kind in self.hd:
            fh2 = fh.rstrip(':').strip()
            if rl == fh2 or (rl.startswith(fh2) and len(rl) <= len(fh2) + 5 and fh2.endswith(')')):
                return kind
        return None

    def parse(self, items) -> list:
        lines = [x for x in items if isinstance(x, str)]
        width = self.width
        if width is None:
            ls = sorted(len(l.strip()) for l in lines if l.strip())
            width = ls[int(len(ls) * 0.9)] if ls else 90
        short = width * 0.72
        blocks: list = []
        cur: list | None = None

        def flush():
            nonlocal cur
            if cur and cur[1].strip():
                txt = re.sub(r'\s+', ' ', cur[1]).strip()
                blocks.append((cur[0], self.r(txt)))
            cur = None

        prev = ''
        for raw in items:
            if raw is None:
                flush()
                prev = ''
                continue
            if isinstance(raw, tuple):
                flush()
                blocks.append(raw)
                prev = ''
                continue
            line = re.sub(r'\s+', ' ', raw.strip())
            if not line:
                flush()
                prev = ''
                continue
            kind = self.heading_kind(line)
            if kind:
                flush()
                blocks.append((kind, self.r(line)))
                prev = ''
                continue
            mb = BULLET_RE.match(line)
            mn = NUMBER_RE.match(line)
            rl = fold(self.r(line))
            is_label = any(rl.startswith(fold(x)) for x in LABELS)
            if mb:
                flush()
                cur = ['bullet', line[mb.end():]]
            elif mn:
                flush()
                cur = ['num', line]
            elif is_label or cur is None:
                flush()
                cur = ['p', line]
            elif ((line[:1].isupper() or line[:1].isdigit()) and prev and not prev.endswith(('-', ','))
                  and ((len(prev) < short and fold(self.r(prev.split()[-1])) not in FUNCTION_WORDS)
                       or (cur[0] == 'p' and prev[-1] in '.:!?' and len(prev) < width * 0.8))):
                flush()
                cur = ['p', line]
            else:
                cur[1] = join_lines(cur[1], line)
            prev = line
            if is_label and len(line) < short:
                flush()
                prev = ''
        flush()
        return merge_broken(blocks)


def merge_broken(blocks: list) -> list:
    """Join a paragraph that the OCR split mid-sentence (page break, blank line)."""
    out: list = []
    for b in blocks:
        if (out and b[0] == 'p' and out[-1][0] in ('p', 'bullet', 'num') and b[1][:1].islower()
                and not re.search(r'[.!?:;)”"]$', out[-1][1])):
            out[-1] = (out[-1][0], join_lines(out[-1][1], b[1]))
            continue
        out.append(b)
    return out


_SEED_CACHE: dict[Path, list[str]] = {}


def seed_lines(path: Path) -> list[str]:
    if path not in _SEED_CACHE:
        _SEED_CACHE[path] = path.read_text(encoding='utf-8').split('\n')
    return _SEED_CACHE[path]


def take(path: Path, a: int, b: int, fixes: dict | None = None) -> list:
    """Seed lines a..b (1-based, inclusive) with per-line fixes applied.

    fixes maps a line number to None (drop), a string (replace) or a list of
    strings / blocks (replace by several items).  A line that starts with one
    space marks a page start in the OCR; the space is dropped.
    """
    fixes = fixes or {}
    src = seed_lines(path)
    out: list = []
    for n in range(a, b + 1):
        if n in fixes:
            v = fixes[n]
            if v is None:
                continue
            if isinstance(v, (str, tuple)):
                v = [v]
            out.extend(v)
            continue
        out.append(src[n - 1])
    return out


def drop(a: int, b: int, put=None) -> dict:
    """Fixes that drop lines a..b, optionally putting items at line a."""
    d: dict = {n: None for n in range(a, b + 1)}
    if put is not None:
        d[a] = put if isinstance(put, list) else [put]
    return d


def as_bullets(a: int, b: int, every: bool = False, path: Path = SEED_000) -> dict:
    """Fixes that turn the lines a..b into bullet items.

    Without ``every`` only lines that start with a capital letter (or carry an
    OCR bullet mark) start a new item; lower-case lines continue the item.
    """
    src = seed_lines(path)
    d: dict = {}
    for n in range(a, b + 1):
        line = src[n - 1].strip()
        if not line:
            continue
        mb = BULLET_RE.match(line)
        if mb:
            line = line[mb.end():]
        if every or mb or line[:1].isupper() or line[:1] in '"”“':
            d[n] = [None, '• ' + line]
    return d


def merge(*ds: dict) -> dict:
    out: dict = {}
    for d in ds:
        out.update(d)
    return out


# =====================================================================
# The application form ("Samverkansinsatser inom Samordningsförbundet")
# =====================================================================
FORM_TITLE = 'Samverkansinsatser inom Samordningsförbundet'
FORM_INSTR = ('(Se även bilaga ”Instruktioner för ansökan samverkansinsatser inom samordningsförbundet”. '
              'Rubriker med * har förklarande/stödjande text i bilagan.) Ansökan ska även skickas in '
              'elektroniskt i Word-format.')
FORM_HEADINGS = [
    'Insatsens namn', 'Insatsägare (*)', 'Samverkansparter (*)', 'Beskriv syftet med insatsen (*)',
    'Beskriv målen med insatsen (*)', 'Beskriv bakgrunden till/behovet av insatsen (*)', 'Planerad Insatstid',
    'Beskriv målgrupp för insatsen (*)', 'Beskriv metod/metoder ni kommer använda (*)',
    'Beskriv metod för uppföljning och utvärdering av målen (*)',
    'Beskriv metod för uppföljning och utvärdering av målen',
    'Beskriv uppföljning och utvärdering av målen (*)',
    'Beskriv hur ni tänker ta tillvara resultaten från insatsen',
    'Beskriv hur ni tänker arbeta för att implementera insatsen (*)',
    'Ange budget/finansiering (separat budget ska bifogas enligt mall)', 'Ange budget/finansiering (*)',
    'Har ansökan diskuterats i lokal utvecklingsgrupp eller i den strategiska utvecklingsgruppen?',
    'Hur och när har ansökan diskuterats?', 'Beskriv på vilket sätt ansökan är förankrad (*)',
    'Överenskommelse',
]
FORM_SUBHEADS = ['Lagar och förordningar', 'Arbetsgivaransvar', 'Information från insatsen', 'Kostnader',
                 'Underskrifter']
FORM_MINOR = ['Övergripande mål:', 'Övergripande mål', 'Effektmål:', 'Insatsmål:', 'Strukturnivå:',
              'Individnivå:']


def checkbox(yes: bool | None) -> tuple:
    j = '☒' if yes else '☐'
    n = '☒' if yes is False else '☐'
    return ('p', f'{j} Ja     {n} Nej')


def sig_block(role: str, org_date: str, name: str = '', email: str = '', insats: str | None = None,
              page_break: bool = False) -> list:
    """One signature block of the form; role is 'Insatsägare' or 'Samverkanspart'."""
    out: list = []
    if page_break:
        out.append(('pagebreak',))
    if insats:
        out.append(('h2', 'Insatsens namn'))
        out.append(('p', insats))
    out.append(('h3', 'Underskrift (*)'))
    rows = [('Organisation och datum', org_date),
            (f'{role} (namn)', ''),
            (f'{role} (namnförtydligande)', name),
            ('E-post', email)]
    out.append(('sig', role, rows))
    return out


def form_top(title=FORM_TITLE) -> list:
    return [('title', title), ('pi', FORM_INSTR)]


# ---------------------------------------------------------------- budgets
def n(v) -> str:
    """Format an amount in kronor with thin grouping: 1234567 -> '1 234 567'."""
    if v is None or v == '':
        return ''
    if isinstance(v, str):
        return v
    s = f'{v:,}'.replace(',', ' ')
    return s


def budget_detail(title: str, period: str, owners: list[str], rows: list, egen_owners: list[str],
                  egen_rows: list, total: list, dated: bool = True) -> list:
    """'Budget - detaljerad' sheet as two tables (to rekvirera / egenfinansiering).

    rows: (label, pct, from, to, [amount per owner], total) or ('#', section) or
    ('=', label, pct, [amounts], total) for sum rows.
    """
    out: list = [('pagebreak',), ('title', f'Budget - detaljerad   {title}'),
                 ('p', f'Insatsens löptid: {period}'), ('small', 'Fyll i färgmarkerade fält:'),
                 ('h4', 'Kostnader att rekvirera från Samordningsförbundet')]
    if len(owners) > 1:
        owners = [hyph(o) for o in owners]
        egen_owners = [hyph(o) for o in egen_owners]
    head = ['Kostnader i tkr', 'tjänst %', 'från', 'till'] + owners + ['ATT REKVIRERA - ALLA INSATSÄGARE']
    ncol = len(head)
    table = [head]
    bold = {0}
    shade = set()
    for r in rows:
        if r[0] == '#':
            table.append([r[1]] + [''] * (ncol - 1))
            bold.add(len(table) - 1)
            shade.add(len(table) - 1)
        elif r[0] == '=':
            _, label, pct, amounts, tot = r
            table.append([label, pct, '', ''] + [n(a) for a in amounts] + [n(tot)])
            bold.add(len(table) - 1)
        else:
            label, pct, f, t, amounts, tot = r
            table.append([label, pct, f, t] + [n(a) for a in amounts] + [n(tot)])
    spec = budget_spec(ncol)
    out.append(('table', table, dict(spec, bold=bold, shade=shade)))
    out.append(('h4', 'Egenfinansiering'))
    head2 = ['Kostnader i tkr', 'tjänst i %', '', ''] + egen_owners + ['SUMMA']
    table2 = [head2]
    bold2 = {0}
    shade2 = set()
    for r in egen_rows:
        if r[0] == '#':
            table2.append([r[1]] + [''] * (len(head2) - 1))
            bold2.add(len(table2) - 1)
            shade2.add(len(table2) - 1)
        elif r[0] == '=':
            _, label, pct, amounts, tot = r
            table2.append([label, pct, '', ''] + [n(a) for a in amounts] + [n(tot)])
            bold2.add(len(table2) - 1)
        else:
            label, pct, amounts, tot = r
            table2.append([label, pct, '', ''] + [n(a) for a in amounts] + [n(tot)])
    out.append(('table', table2, dict(spec, bold=bold2, shade=shade2)))
    tot_row = [['Total kostnad för insatsen', '', '', ''] + [n(a) for a in total[0]] + [n(total[1])]]
    out.append(('table', tot_row, dict(spec, bold={0}, shade={0}, header=False)))
    return out


HYPH = {'Arbetsförmedlingen': 'Arbets-\nförmedlingen', 'Försäkringskassan': 'Försäkrings-\nkassan',
        'Delinsatsägare': 'Delinsats-\nägare', 'Huvudinsatsägare': 'Huvudinsats-\nägare'}


def hyph(label: str) -> str:
    """Break long words of a narrow column header by hand (no mid-word wrapping)."""
    return ' '.join(HYPH.get(w, w) for w in label.split(' ')).replace('\n ', '\n')


def budget_spec(ncol: int) -> dict:
    """Column widths (cm, A4 portrait) for a 'Budget - detaljerad' table with ncol columns."""
    if ncol <= 6:
        widths = [5.4, 1.3, 1.6, 1.6] + [(16.6 - 9.9) / (ncol - 4)] * (ncol - 4)
        return {'widths': widths, 'size': 8, 'head_size': 8, 'align': 'lccc' + 'r' * (ncol - 4)}
    amt = (16.6 - 3.5 - 0.95 - 3.0) / (ncol - 4)
    return {'widths': [3.5, 0.95, 1.5, 1.5] + [amt] * (ncol - 4), 'size': 7, 'head_size': 6.5,
            'align': 'lccc' + 'r' * (ncol - 4)}


def budget_years(years: list[str], rows: list) -> list:
    head = [''] + [f'ÅR {i + 1}\n{y}' for i, y in enumerate(years)]
    table = [head]
    bold = {0}
    for label, vals in rows:
        table.append([label] + [n(v) for v in vals])
        if label.isupper() or label.startswith('TOTALT'):
            bold.add(len(table) - 1)
    return [('pagebreak',), ('h2', 'Budget per år'),
            ('table', table, {'bold': bold, 'size': 9, 'first': 6.0, 'align': 'l' + 'r' * len(years),
                              'colw': 2.6})]


def budget_summary(title: str, period: str, rows: list, summa: tuple) -> list:
    head = ['Kostnader i tkr', 'Att rekvirera från Samordningsförbundet', 'Projektägarnas egenfinansiering',
            'Totalt projektet']
    table = [head]
    bold = {0}
    for label, owner, a, b, c in rows:
        table.append([f'{label}\n{owner}', n(a), n(b), n(c)])
    table.append(['Summa', n(summa[0]), n(summa[1]), n(summa[2])])
    bold.add(len(table) - 1)
    return [('pagebreak',), ('title', f'Budgetsammanställning   {title}'),
            ('p', f'Projektets löptid   {period}'),
            ('table', table, {'bold': bold, 'size': 9.5, 'first': 6.0, 'align': 'lrrr', 'colw': 3.4}),
            ('h4', 'Instruktioner till ansökan:'),
            ('p', 'För över innehållet i denna tabell till projektplanen under rubriken Projektets finansiering. '
                  'Den detaljerade budgeten skickas med ansökan som en bilaga.')]


STD_OVRIGA = ['Utvärdering', 'Spridningsseminarier', 'Utbildning insatsmedarbetare',
              'Inköpta utredningar, utbildningar och tjänster avsedda för deltagare',
              'Övriga aktiviteter för deltagare', 'Telefon-, IT-kostnader', 'Resor', 'Tolk',
              'Informationsmaterial', 'Övrigt']


def ovriga_rows(values: dict, nown: int, owner_idx: int = 0, dates=('', '')) -> list:
    rows = []
    for lab in STD_OVRIGA:
        v = values.get(lab, 0)
        amounts = [''] * nown
        amounts[owner_idx] = v
        d = dates if v else ('', '')
        rows.append((lab, '', d[0], d[1], amounts, v))
    return rows


# =====================================================================
# Document specifications
# =====================================================================
S0 = SEED_000


def doc_knivsta() -> list:
    fixes = merge(
        drop(238, 242),
        {250: None, 251: None, 252: 'Organisation: Knivsta kommun Vård- och omsorgskontoret'},
        drop(403, 408),
        {519: checkbox(True), 264: 'E-post: carina.backstrom@regionuppsala.se'},
        drop(563, 743),
    )
    body = Parser(FORM_HEADINGS, FORM_SUBHEADS, FORM_MINOR).parse(take(S0, 238, 743, fixes))
    insats = 'En väg in – steget vidare'
    sigs = (sig_block('Insatsägare', 'Knivsta kommun 2021-06-14', 'Catrin Josephson, socialchef. Ordförande LOKUS.',
                      'catrin.josephson@knivsta.se')
            + sig_block('Samverkanspart', 'Arbetsförmedlingen 2021-06-16', 'Wictoria Palmetorp',
                        'wictoria.palmetorp@arbetsformedlingen.se', insats, True)
            + sig_block('Samverkanspart', 'Region Uppsala 2021-06', '', '', insats, True)
            + sig_block('Samverkanspart', 'Försäkringskassan 14 juni 2021', 'Carina Hagelin Kjällman',
                        'carina.hagelin-kjallman@forsakringskassan.se', insats, True))
    own = ['Huvudinsatsägare Knivsta kommun']
    d = ('220101', '231231')
    rows = [('#', 'Lönekostnader inkl PO-pålägg'),
            ('1. Gruppledare', '20%', *d, [279000], 279000),
            ('2. Projektledare', '50%', *d, [761000], 761000),
            ('3. Medarbetare 1', '100%', *d, [1064000], 1064000),
            ('4. Medarbetare 2', '100%', *d, [1192000], 1192000),
            ('5. Arbetsförmedlare', '25%', *d, [340000], 340000),
            ('=', 'Summa lönekostnader', '295%', [3636000], 3636000),
            ('#', 'Lokalkostnader'),
            ('Lokalhyra', '', *d, [0], 0),
            ('Övriga lokalkostnader', '', '', '', [0], 0),
            ('=', 'Summa lokalkostnader', '', [0], 0),
            ('#', 'Övriga kostnader')]
    rows += ovriga_rows({'Utbildning insatsmedarbetare': 100000, 'Övriga aktiviteter för deltagare': 99000,
                         'Telefon-, IT-kostnader': 45000, 'Tolk': 30000, 'Övrigt': 20000}, 1, 0, d)
    rows += [('=', 'Summa övriga kostnader', '', [294000], 294000),
             ('=', 'Totalt från Samordningsförbundet', '', [3930000], 3930000)]
    egen = [('#', 'Lönekostnader inkl PO-pålägg'),
            ('=', 'Summa lönekostnader', '0%', [0], 0),
            ('#', 'Lokalkostnader'),
            ('Lokalhyra', '', [310000], 310000),
            ('Övriga lokalkostnader', '', [0], 0),
            ('=', 'Summa lokalkostnader', '', [310000], 310000),
            ('#', 'Övriga kostnader'),
            ('=', 'Summa övriga kostnader', '', [0], 0),
            ('=', 'Summa egenfinansiering', '', [310000], 310000)]
    budget = budget_detail('En väg in - steget vidare', '2022-01-01 - 2023-12-31', own, rows,
                           ['Knivsta kommun'], egen, ([4240000], 4240000))
    budget += budget_years(['2022', '2023'], [
        ('LÖNEKOSTNADER inkl P.O tillägg', [1818000, 1818000]),
        ('LOKALKOSTNADER', ['', '']), ('Lokalkostnader', [0, 0]), ('Övriga lokalkostnader', ['', '']),
        ('ÖVRIGA KOSTNADER', [147000, 147000]), ('TOTALT', [1965000, 1965000])])
    budget += budget_summary('En väg in - steget vidare', '2022-01-01 - 2023-12-31', [
        ('Huvudinsatsägare', 'Knivsta kommun', 3930000, 310000, 4240000),
        ('Delinsatsägare 1', 'AF (egen projektfinansiering)', 0, 0, 0),
        ('Delinsatsägare 2', 'NAMN', 0, 0, 0),
        ('Delinsatsägare 3', 'NAMN', 0, 0, 0),
        ('Delinsatsägare 4', 'NAMN', 0, 0, 0)], (3930000, 310000, 4240000))
    return form_top() + body + sigs + budget


def doc_uppsala() -> list:
    fixes = merge(
        drop(835, 839), {843: None},
        as_bullets(967, 967), as_bullets(971, 982),
        {1052: '3. En sammanställning över vilka förrehabiliterade insatser som erbjudits.',
         1064: None, 1077: checkbox(True)},
        drop(1118, 1377),
    )
    body = Parser(FORM_HEADINGS, FORM_SUBHEADS, FORM_MINOR + ['Planerade aktiviteter i insatsen:',
                                                                'Vårdens roll i insatsen:']
                  ).parse(take(S0, 835, 1377, fixes))
    insats = ('Arbetslivsintro - Förrehabiliterade insatser för individer med ohälsa som uppbär ekonomiskt '
              'bistånd utan sjukpenninggrundande inkomst')
    sigs = (sig_block('Insatsägare', 'Uppsala kommun', 'Lena Winterbom', 'Lena.Winterbom@uppsala.se')
            + sig_block('Samverkanspart', 'Region Uppsala 2021-06-16', 'Carina Backström',
                        'carina.backstrom@regionuppsala.se', insats, True))
    own = ['Uppsala kommun', 'Region Uppsala', 'NAMN', 'NAMN']
    rows = [('#', 'Lönekostnader inkl PO-pålägg'),
            ('Socialsekreterare/ projektledare', '100%', '1/1-2022', '31/10-2023', [1232000, '', '', ''], 1232000),
            ('Socialsekreterare', '100%', '1/4-2022', '30/9-2023', [1008000, '', '', ''], 1008000),
            ('Resurs för upphandling', '50%', '1/4-2022', '30/9-2023', [504000, '', '', ''], 504000),
            ('Arbetsterapeut', '50%', '1/4-2022', '30/9-2023', [504000, '', '', ''], 504000),
            ('Rehabiliteringskoordinator', '100%', '1/1-2022', '31/10-2023', ['', 1134000, '', ''], 1134000),
            ('=', 'Summa lönekostnader', '400%', [3248000, 1134000, 0, 0], 4382000),
            ('#', 'Lokalkostnader'),
            ('Lokalhyra', '', '', '', [0, 0, 0, 0], 0),
            ('Övriga lokalkostnader', '', '', '', [0, 0, 0, 0], 0),
            ('=', 'Summa lokalkostnader', '', [0, 0, 0, 0], 0),
            ('#', 'Övriga kostnader')]
    for lab in STD_OVRIGA:
        if lab.startswith('Inköpta'):
            rows.append((lab, '', '1/4-2022', '30/9-2023', [1500000, '', '', ''], 1500000))
        elif lab == 'Övriga aktiviteter för deltagare':
            rows.append((lab, '', '1/1-2022', '31/10-2023', [150000, '', '', ''], 150000))
        else:
            rows.append((lab, '', '', '', [0, '', '', ''], 0))
    rows += [('=', 'Summa övriga kostnader', '', [1650000, 0, 0, 0], 1650000),
             ('=', 'Totalt från Samordningsförbundet', '', [4898000, 1134000, 0, 0], 6032000)]
    egen = [('#', 'Lönekostnader inkl PO-pålägg'),
            ('1. Socialsekreterare', '100%', [0, 0, 0, 0], 0),
            ('2. Socialsekreterare', '100%', [0, 0, 0, 0], 0),
            ('3.', '0%', [0, 0, 0, 0], 0), ('4.', '0%', [0, 0, 0, 0], 0), ('5.', '0%', [0, 0, 0, 0], 0),
            ('=', 'Summa lönekostnader', '200%', [0, 0, 0, 0], 0),
            ('#', 'Lokalkostnader'),
            ('Lokalhyra', '', [0, 0, 0, 0], 0), ('Övriga lokalkostnader', '', [0, 0, 0, 0], 0),
            ('=', 'Summa lokalkostnader', '', [0, 0, 0, 0], 0),
            ('#', 'Övriga kostnader')]
    egen += [('Kostnadsbeteckning', '', [0, 0, 0, 0], 0)] * 4
    egen += [('=', 'Summa övriga kostnader', '', [0, 0, 0, 0], 0),
             ('=', 'Summa egenfinansiering', '', [0, 0, 0, 0], 0)]
    budget = budget_detail('<Insatsens namn>', '2022-01-01 - 2023-10-31', own, rows, own, egen,
                           ([4898000, 1134000, 0, 0], 6032000))
    budget += budget_years(['2022', '2023'], [
        ('LÖNEKOSTNADER inkl P.O tillägg', [2275350, 2106650]),
        ('LOKALKOSTNADER', ['', '']), ('Lokalkostnader', ['', '']), ('Övriga lokalkostnader', ['', '']),
        ('ÖVRIGA KOSTNADER', [1100000, 550000]), ('TOTALT', [3375350, 2656650])])
    budget += budget_summary('<Insatsens namn>', '2022-01-01 - 2023-10-31', [
        ('Huvudinsatsägare', 'Uppsala kommun', 4898000, 0, 4898000),
        ('Delinsatsägare 1', 'Region Uppsala', 1134000, 0, 1134000),
        ('Delinsatsägare 2', 'NAMN', 0, 0, 0),
        ('Delinsatsägare 3', 'NAMN', 0, 0, 0),
        ('Delinsatsägare 4', 'NAMN', 0, 0, 0)], (6032000, 0, 6032000))
    return form_top() + body + sigs + budget


def doc_tierp() -> list:
    fixes = merge(
        {1462: ['Insatsens namn', None, 'Ung framtid']},
        {1520: [None, ('figure', 'Tabell: psykisk ohälsa och självmord, länets kommuner'), None,
                'Kalla: https://www.folkhalsomyndigheten.se/psykisk-halsa/']},
        {1713: checkbox(True)},
        drop(1751, 1841),
    )
    body = Parser(FORM_HEADINGS, FORM_SUBHEADS, FORM_MINOR + ['Mobiliseringsfasen: januari 2022 — mars 2022',
                                                                'Genomförandefasen: april 2022 — september 2024',
                                                                'Avslutsfasen: oktober 2024 — december 2024']
                  ).parse(take(S0, 1462, 1841, fixes))
    insats = 'Ung framtid'
    sigs = (sig_block('Insatsägare', 'Tierps kommun', '', '')
            + sig_block('Samverkanspart', 'Arbetsförmedlingen Uppsala 210616', 'Wictoria Palmetorp',
                        'Wictoria.palmetorp@arbetsformedlingen.se', insats, True)
            + sig_block('Samverkanspart', 'Försäkringskassan 2021-06-17', 'Carina Hagelin Kjällman',
                        'carina.hagelin-kjallman@forsakringskassan.se', insats, True)
            + sig_block('Samverkanspart', 'Region Uppsala 2021-06-16', 'Carina Backström',
                        'carina.backstrom@regionuppsala.se', insats, True))
    budget = budget_summary('Ung framtid', '2022-01-01 - 2024-12-31', [
        ('Huvudinsatsägare', 'Tierps Kommun', 8010000, 6865000, 14875000),
        ('Delinsatsägare 1', 'Arbetsförmedlingen (Avser år 2022-2023)', 160000, 0, 160000),
        ('Delinsatsägare 2', 'Region Uppsala', 240000, 0, 240000),
        ('Delinsatsägare 3', 'Försäkringskassan', 0, 0, 0),
        ('Delinsatsägare 4', '', 0, 0, 0)], (8410000, 6865000, 15275000))
    return form_top() + body + sigs + budget


def goals(title: str, *cells: str) -> tuple:
    return ('goals', title, list(cells))


def doc_habo() -> list:
    fig_bistand = [
        ('figure', 'Diagram: Andel långvarigt ekonomiskt bistånd 2019* (Riket 30,9 %, Håbo 37 %)'),
        None,
        '*) Med långvarigt ekonomiskt bistånd avses här individer som erhållit ekonomiskt bistånd under minst 10 '
        'av 12 månader',
        None]
    fixes = merge(
        drop(1937, 1941),
        drop(1973, 2066, put=[
            goals('Effektmål samordningsteam',
                  '90% av deltagarna som skrivs ut ska ha en handlingsplan som beskriver nästa steg mot arbete '
                  'eller studier'),
            goals('Insatsmål samordningsteam',
                  'Samtliga deltagare erbjuds ett coachsamtal per vecka och en gruppaktivitet per vecka',
                  'Minst 20 individer per år får stöd av samordningsteamet',
                  'Var tredje månad följa upp deltagarnas progression*'),
            goals('Effektmål ungdomssatsningen',
                  '90% i åldern 16-29 år som deltar ska ha en handlingsplan inom 6 månader'),
            goals('Insatsmål Ungdomssatsningen',
                  'Alla i åldern 20-29 år som inte arbetar eller studerar ska kontaktas och erbjudas en '
                  'handlingsplan mot arbete eller studier',
                  'Minst 50 unga per år får stöd i ungdomssatsningen',
                  'Var tredje månad följa upp deltagarnas progression *'),
            None,
            '*) Progressionsmätning mot arbete, baserat på den danska BIP-forskningen. Mätningen sker på ett antal '
            'indikatorer som genom forskningen har visat sig ha betydelse för att närma sig arbete eller studier och '
            'som går att påverka genom insatser. Deltagare i insatsen kommer få svara på skattningsformulär var '
            'tredje månad ungefär. Syftet är att synliggöra både för deltagaren och handläggaren hur progressionen '
            'ser ut och om vilka insatser som behöver sättas in.',
            None,
            goals('Effektmål samverkansstrateg',
                  'Utgöra en samordnande funktion internt för Framsteget och externt (LOKUS, operativa '
                  'ledningsgruppen, andra myndigheter/vårdgivare samt Arbetsmarknadsenheten)'),
            goals('Insatsmål samverkansstrateg',
                  'Ansvara för och stödja nätverk för medarbetare som möter målgruppen',
                  'Anordna minst en kompetenshöjande insats för parterna årligen',
                  'Utgöra en operativ resurs för LOKUS genom att delta i relevanta möten och nätverk',
                  'Omvärldsbevakning och analysstöd åt LOKUS'),
            goals('Effektmål arbetsgivarkoordinator',
                  'Bidra till att fler arbetsgivare tar emot Framstegets målgrupp i arbetsprövning, praktik '
                  'eller arbete'),
            goals('Insatsmål arbetsgivarkoordinator',
                  'Genomföra minst två kompetenshöjande insatser per år riktade till arbetsgivare',
                  'Utreda förutsättningar för ett ökat socialt företagande i kommunen',
                  'I samarbete med Samordningsförbundets processtödjare för arbetsgivararbetet utveckla '
                  'stödet till arbetsgivare',
                  'Delta i Samordningsförbundets nätverk för stöd till arbetsgivare två gånger per termin'),
        ]),
        drop(2096, 2113, put=[None] + fig_bistand),
        drop(2119, 2135, put=[None, ('figure', 'Diagram: Andel som uppnår gymnasieexamen efter 3 år – kvinnor '
                                               'och män, Håbo och riket'), None]),
        drop(2140, 2158, put=[None, ('figure', 'Diagram: Antal arbetslösa mer än 6 månader (alla åldrar), '
                                               '2020 och 2021'), None, 'Källa: Arbetsförmedlingen', None]),
        drop(2215, 2231, put=[None, ('figure', 'Figur: Framstegets delar kring individen med behov av stöd – '
                                               'a) Samordningsteam, b) Arbetsgivarkoordinator, '
                                               'c) Arbetsförmedlare, d) Framsteget Ung'), None]),
        drop(2367, 2374, put=[None, ('figure', 'Figur: Flöden – individ i behov av stöd → inskrivning '
                                               'Framsteget → insatsansvarig'), None]),
        drop(2454, 2618),
    )
    subheads = ['Arbetsmarknadsenheten', 'Gemensamma lokaler', 'Insatsansvarig/samverkansstrateg',
                'a) Samordningsteam', 'b) Arbetsgivarkoordinator', 'c) Arbetsförmedlare 25%', 'd) Framsteget Ung',
                'Stoppa våldet', 'Flöden', 'Samordningsförbundet', 'LOKUS', 'Operativ ledningsgrupp',
                'Samverkansforum', 'Framstegets medarbetare']
    body = Parser(FORM_HEADINGS, FORM_SUBHEADS + subheads, FORM_MINOR).parse(take(S0, 1937, 2618, fixes))
    # the signature blocks (2489-2518) were dropped together with the duplicate Överenskommelse
    insats = 'Framsteget 2.0 Håbo'
    sigs = (sig_block('Insatsägare', 'Håbo kommun', '', '')
            + sig_block('Samverkanspart', 'Arbetsförmedlingen Uppsala, 210616', 'Wictoria Palmetorp',
                        'wictoria.palmetorp@arbetsformedlingen.se', insats, True)
            + sig_block('Samverkanspart', 'Försäkringskassan', 'Carina Hagelin-Kjällman',
                        'carina.hagelin-kjallman@forsakringskassan.se', insats, True))
    budget = budget_summary('Framsteget 2.0', '2022-01-01 - 2024-12-31', [
        ('Huvudinsatsägare', 'Håbo kommun', 9007500, 0, 9007500),
        ('Delinsatsägare 1', 'Arbetsförmedlingen (Avser år 2022-2023)', 350000, 0, 350000),
        ('Delinsatsägare 2', 'Försäkringskassan', 0, 0, 0),
        ('Delinsatsägare 3', 'Region Uppsala', 0, 0, 0)], (9357500, 0, 9357500))
    budget += budget_years(['2022', '2023', '2024'], [
        ('LÖNEKOSTNADER inkl P.O tillägg', [3325000, 2665000, 2550000]),
        ('LOKALKOSTNADER', ['', '', '']), ('Lokalkostnader', [200000, 200000, 200000]),
        ('Övriga lokalkostnader', [12500, 12500, 12500]),
        ('ÖVRIGA KOSTNADER', [60000, 60000, 60000]), ('TOTALT', [3597500, 2937500, 2822500])])
    own = ['Håbo', 'Arbetsförmedlingen', 'Försäkringskassan', 'Region Uppsala']
    d = ('220101', '241231')
    rows = [('#', 'Lönekostnader inkl PO-pålägg'),
            ('Insatsansvarig/rehabcoach', '100%', *d, [2400000, '', '', ''], 2400000),
            ('Unga vuxen-coach', '100%', *d, [2205000, '', '', ''], 2205000),
            ('Arbetskonsulent', '100%', *d, [2235000, '', '', ''], 2235000),
            ('Arbetsgivarkoordinator', '100%', '220101', '221231', [720000, '', '', ''], 720000),
            ('Rehabcoach', '30%', *d, [630000, '', '', ''], 630000),
            ('Arbetsförmedlare', '25%', '220101', '231231', ['', 350000, '', ''], ''),
            ('=', 'Summa lönekostnader', '455%', [8190000, 350000, 0, ''], 8190000),
            ('#', 'Lokalkostnader'),
            ('Lokalhyra', '', *d, [600000, '', '', ''], 600000),
            ('Övriga lokalkostnader', '', *d, [37500, '', '', ''], 37500),
            ('=', 'Summa', '', [637500, 0, 0, ''], 637500),
            ('#', 'Övriga kostnader')]
    rows += ovriga_rows({'Utbildning insatsmedarbetare': 30000, 'Övriga aktiviteter för deltagare': 40000,
                         'Telefon-, IT-kostnader': 30000, 'Övrigt': 80000}, 4)
    rows += [('=', 'Summa övriga kostnader', '', [180000, 0, 0, ''], 180000),
             ('=', 'Totalt från Samordningsförbundet', '', [9007500, 350000, 0, ''], 9007500)]
    egen = [('#', 'Lönekostnader inkl po-pålägg')]
    egen += [(f'{i}.', '0%', [0, '', '', ''], '') for i in range(1, 6)]
    egen += [('=', 'Summa lönekostnader', '0%', [0, 0, 0, 0], ''),
             ('#', 'Lokalkostnader'), ('Lokalhyra', '', [0, '', '', ''], ''),
             ('Övriga lokalkostnader', '', [0, '', '', ''], ''),
             ('=', 'Summa lokalkostnader', '', [0, 0, 0, 0], ''),
             ('#', 'Övriga kostnader')]
    egen += [('Kostnadsbeteckning', '', [0, '', '', ''], '')] * 4
    egen += [('=', 'Summa övriga kostnader', '', [0, 0, 0, 0], ''),
             ('=', 'Summa egenfinansiering', '', [0, 0, 0, 0], '')]
    budget += budget_detail('Framsteget 2.0', '2022-01-01 - 2024-12-31', own, rows,
                            ['Håbo kommun', 'Arbetsförmedlingen', 'Försäkringskassan', 'Region Uppsala'], egen,
                            ([9007500, 350000, 0, ''], 9007500))
    top = [('title', 'Ansökan samverkansinsatser inom samordningsförbundet'), ('pi', FORM_INSTR)]
    return top + body + sigs + budget


def doc_enkoping() -> list:
    fixes = merge(
        drop(2706, 2709),
        as_bullets(2856, 2861, every=True), as_bullets(2868, 2873, every=True),
        as_bullets(2918, 2930, every=True),
        {3007: checkbox(True)},
        drop(3050, 3189),
    )
    subheads = ['Personalresurser som ska tillsättas och deras huvudsakliga arbetsuppgifter',
                'Arbetsförmedlare 25%', 'Arbetsmarknadskonsulent 100%',
                'Metoder, innehåll och samverkansaspekter']
    body = Parser(FORM_HEADINGS, FORM_SUBHEADS + subheads, FORM_MINOR + ['Huvudsakliga arbetsuppgifter är:']
                  ).parse(take(S0, 2706, 3189, fixes))
    insats = 'Jobbcentrum - Din väg framåt'
    sigs = (sig_block('Insatsägare', 'Enköpings Kommun, Utbildningsförvaltningen, Arbetsmarknadsenheten 2021-06-16',
                      'Viveca Räim, enhetschef', 'Viveca.raim@enkoping.se')
            + sig_block('Samverkanspart', 'Arbetsförmedlingen', 'Wictoria Palmetorp',
                        'Wictoria.palmetorp@arbetsformedlingen.se', insats, True))
    own = ['Huvudinsatsägare Enköpings kommun', 'Delinsatsägare Arbetsförmedlingen', 'NAMN', 'NAMN']
    d = ('2022-01-01', '2024-12-31')
    rows = [('#', 'Lönekostnader inkl PO-pålägg'),
            ('1. Coach/handläggare - rehab', '100%', *d, [1200000, '', '', ''], 1200000),
            ('2. Coach/handläggare - rehab', '100%', *d, [1200000, '', '', ''], 1200000),
            ('3. Coach/handläggare - ung', '100%', *d, [1200000, '', '', ''], 1200000),
            ('4. Arbetsförmedlare', '25%', *d, ['', 340000, '', ''], 340000),
            ('5. Arbetsmarknadskonsulent', '100%', *d, [1200000, '', '', ''], 1200000),
            ('=', 'Summa lönekostnader', '425%', [4800000, 340000, 0, 0], 5140000),
            ('#', 'Lokalkostnader'),
            ('Lokalhyra', '', '', '', [0, '', '', ''], 0),
            ('Övriga lokalkostnader', '', '', '', [0, '', '', ''], 0),
            ('=', 'Summa lokalkostnader', '', [0, 0, 0, 0], 0),
            ('#', 'Övriga kostnader')]
    rows += ovriga_rows({'Utbildning insatsmedarbetare': 40000, STD_OVRIGA[3]: 20000,
                         'Övriga aktiviteter för deltagare': 85000, 'Telefon-, IT-kostnader': 20000,
                         'Tolk': 25000, 'Informationsmaterial': 20000}, 4)
    rows += [('=', 'Summa övriga kostnader', '', [210000, 0, 0, 0], 210000),
             ('=', 'Totalt från Samordningsförbundet', '', [5010000, 340000, 0, 0], 5350000)]
    egen = [('#', 'Lönekostnader inkl po-pålägg'),
            ('1. JC övriga tjänster anges ej (5 st)', '0%', [0, '', '', ''], 0)]
    egen += [(f'{i}.', '0%', [0, '', '', ''], 0) for i in range(2, 6)]
    egen += [('=', 'Summa lönekostnader', '0%', [0, 0, 0, 0], 0),
             ('#', 'Lokalkostnader'), ('Lokalhyra', '', [1364616, '', '', ''], 1364616),
             ('Övriga lokalkostnader', '', [0, '', '', ''], 0),
             ('=', 'Summa lokalkostnader', '', [1364616, 0, 0, 0], 1364616),
             ('#', 'Övriga kostnader'),
             ('Dokumentationssystem', '', [60000, '', '', ''], 60000),
             ('Marknadsföring', '', [50000, '', '', ''], 50000),
             ('IT och telefoni', '', [20000, '', '', ''], 20000),
             ('=', 'Summa övriga kostnader', '', [130000, 0, 0, 0], 130000),
             ('=', 'Summa egenfinansiering', '', [1494616, 0, 0, 0], 1494616)]
    budget = budget_detail('Jobbcentrum - Din väg framåt', '2022-01-01 - 2023-12-31', own, rows,
                           ['Enköpings kommun', 'Arbetsförmedlingen', 'NAMN', 'NAMN'], egen,
                           ([6504616, 340000, 0, 0], 6844616))
    budget += budget_years(['2022', '2023', '2024', '20XX'], [
        ('LÖNEKOSTNADER inkl P.O tillägg', [2570000, 2570000, '', '']),
        ('LOKALKOSTNADER', ['', '', '', '']), ('Lokalkostnader', ['', '', '', '']),
        ('Övriga lokalkostnader', ['', '', '', '']),
        ('ÖVRIGA KOSTNADER', [105000, 105000, '', '']), ('TOTALT', [2675000, 2675000, '', ''])])
    budget += budget_summary('Jobbcentrum - Din väg framåt', '2022-01-01 - 2023-12-31', [
        ('Huvudinsatsägare', 'Enköpings Kommun', 5010000, 1494616, 6504616),
        ('Delinsatsägare 1', 'Arbetsförmedlingen', 340000, 0, 340000),
        ('Delinsatsägare 2', 'NAMN', 0, 0, 0),
        ('Delinsatsägare 3', 'NAMN', 0, 0, 0),
        ('Delinsatsägare 4', 'NAMN', 0, 0, 0)], (5350000, 1494616, 6844616))
    return form_top() + body + sigs + budget


# ---------------------------------------------------------------- NNS (bilagor 9.1-9.5)
NNS_ORG = 'Nationella Nätverket för Samordningsförbund'


def doc_nns1() -> list:
    fixes = {3230: ('title', 'Långsiktig finansiering av NNS verksamhet'), 3264: None, 3265: None}
    body = Parser().parse(take(S0, 3230, 3265, fixes))
    return body + [('p', ''), ('h4', NNS_ORG)]


def doc_nns2() -> list:
    fixes = merge(
        {3266: ('title', 'Förslag till långsiktig finansiering av NNS verksamhet')},
        drop(3281, 3287, put=[None, ('h4', '§ 7 Medlemsavgifter'),
                              ('quote', 'En fast medlemsavgift bestäms av NNS medlemsmöte. Därutöver betalar '
                                        'samordningsförbunden en serviceavgift som baseras på tilldelade medel '
                                        'från stat, kommun och landsting, för innevarande år. Serviceavgift och '
                                        'medlemsavgift fastställs av medlemsmöte i samband med beslut om budget '
                                        'och verksamhetsplan.'), None]),
        {3422: None, 3423: None},
    )
    heads = ['Uppdraget', 'Bakgrund', 'Nuvarande förutsättningar', 'Arbetssätt och organisering', 'Vägval', 'Analys']
    body = Parser(subheads=heads).parse(take(S0, 3266, 3423, fixes))
    return body + [('p', ''), ('h4', NNS_ORG)]


def doc_nns3() -> list:
    fixes = {3424: ('title', 'Finansiering av NNS verksamhet')}
    return Parser(subheads=['Bakgrund', 'Förslag']).parse(take(S0, 3424, 3456, fixes))


def doc_nns4() -> list:
    budget = [['INTÄKTER', 'Budget 2020', 'Justerad', '2021'],
              ['Medlemsavgifter', 15000, 15000, 14000],
              ['Serviceavgift', 1200000, 1200000, 1200000],
              ['Övrigt bidrag Almedalen', 80000, 0, 40000],
              ['Publikationer/Rapporter', 5000, 5000, 5000],
              ['Kurser via avtal', '', '', 100000],
              ['Interna utbildningar', 650000, 300000, 300000],
              ['Konferenser/ Höstmöte', 500000, 100000, 100000],
              ['Indikatoravtal', 490000, 490000, 490000],
              ['Övriga intäkt', 5000, 5000, 250000],
              ['Våld i nära relationer', 1283465, 1283465, 1000000],
              ['SUMMA INTÄKT', 4228465, 3398465, 3499000],
              ['Kostnader', 'Budget 2020', '', '2021'],
              ['Tjänstemannastöd', 1300000, 1300000, 1300000],
              ['Försäkring förtroendevalda', 4000, 4000, 4000],
              ['Styrelsen Arvoden', 550000, 400000, 500000],
              ['Styrelse och VP dagar', 80000, 0, 80000],
              ['Politisk Arena (Almedalen)', 150000, 0, 80000],
              ['Hemsida/Skrivuppdrag', 120000, 120000, 120000],
              ['Rapporter', 40000, 40000, 10000],
              ['Kurser och utbildningar', 500000, 250000, 250000],
              ['Konferenser/ Höstmöte', 400000, 65000, 100000],
              ['Övrigt', 11000, 11000, 0],
              ['Indikator Projekt/licenser', 490000, 490000, 490000],
              ['Våld i nära relationer', 1283465, 1283465, 1000000],
              ['SUMMA Kostnader', 4928465, 3963465, 3934000],
              ['Resultat', -700000, -565000, -435000]]
    rows = [[r[0]] + [n(v).replace('-', '−') if isinstance(v, int) else v for v in r[1:]] for r in budget]
    table = ('table', rows, {'bold': {0, 11, 12, 25, 26}, 'shade': {0, 12}, 'size': 9.5, 'first': 6.5,
                             'align': 'lrrr', 'colw': 2.8})
    items = ['Tjänstemannastöd köps av medlemsförbunden', 'Medlemskostnader som arvoden och försäkring',
             'Styrelsens planeringsdagar uppvaktningar samt möte med externa representanter',
             'Deltagande på Almedalen', 'Underhålla och utveckla hemsidan',
             'Medlemsaktiviteter i form av strategiskt utvecklingsarbete samt stöd till förbunden',
             'Publicering av rapporter och dokumentation', 'Utbildning för styrelse och medlemmar',
             'Konferenser som ordförandekonferens, höstkonferens och medlemsmöte samt årsmöte',
             'Fortsatt utveckling och drift av Indikatorverksamheten',
             'Regeringsuppdrag att ta fram en plan för genomförande av ett nationellt projekt mot psykiskt, '
             'fysiskt och sexuellt våld']
    fixes = merge(
        {3457: ('title', 'Verksamhetsinriktning 2019-2022 med budget för 2021')},
        as_bullets(3510, 3510, every=True), as_bullets(3516, 3516, every=True),
        drop(3608, 3630, put=[('bullet', t) for t in items] + [None]),
        {3633: 'varande Iffk¹ till NNS. Kapitalet ska utgöra en buffert för framtida kostnader och möjliggöra'},
        drop(3640, 3671, put=[None, ('small', '¹ Iffk = Ideella föreningen för främjandet av kunskap om sociala '
                                             'försäkringar'), ('pagebreak',),
                              'Nedan redovisas budgeterade intäkter och kostnader i kronor för 2020.', None, table]),
    )
    heads = ['1. Inledning', '2. Nationella Nätverkets för samordningsförbundens verksamhetsinriktning 2019 - 2022',
             '3. Ekonomiska förutsättningar och budget']
    sub = ['2.1. Vara en mötesplats för NNS medlemmar', '2.2 Utveckla dialog med Samordningsförbunden',
           '2.4 Med hög kompetens bidra till utvecklingen av medlemmarnas verksamhet']
    minor = ['Förväntat resultat']
    fix2 = {3504: ['2. Nationella Nätverkets för samordningsförbundens verksamhetsinriktning 2019 - 2022'],
            3505: None,
            3543: '2.3 Vara en aktiv bevakare av medlemmarnas intressen lokalt, regionalt och nationellt',
            3544: None,
            3576: '2.5 Utgöra en nationell politisk arena för att påverka medlemsförbundens förutsättningar på '
                  'lokal, regional och nationell nivå', 3577: None}
    sub += [fix2[3543], fix2[3576]]
    return Parser(heads, sub, minor).parse(take(S0, 3457, 3671, merge(fixes, fix2)))


def doc_nns5() -> list:
    fixes = merge(
        {3672: ('title', 'Hantering finansiering av tjänstemannastöd i NNS styrelse och AU'), 3673: None},
        {3723: None},
    )
    src = seed_lines(S0)
    for i in range(3672, 4009):
        if 'Sid 6 (8)' in src[i - 1]:
            fixes[i] = src[i - 1].replace('Sid 6 (8)', '').rstrip()
            fixes[i + 1] = src[i].replace('Sammantradesprotokoll NSS', '').strip()
    p = Parser()
    p.hd_re = [(re.compile(r'^(Styrelse|AU) \d{4}-\d'), 'h3'), (re.compile(r'^§ ?\d'), 'h4'),
               (re.compile(r'^11\.1 '), 'h4')]
    return [('right', 'Bilaga 3')] + p.parse(take(S0, 3672, 4008, fixes))


# ---------------------------------------------------------------- ESF (bilaga 10.1)
def doc_esf() -> list:
    risk = [['Risk', 'Åtgärd', 'Ansvar'],
            ['Projektledaren har inte tillräcklig kompetens att leda projektet',
             'Uppsala län har stor erfarenhet att arbeta med EU-finansierade projekt som kan ge stöd åt '
             'projektledaren. Vid bristande kompetens rekryteras ny projektledare.', 'Styrgruppen'],
            ['Projektledaren lämnar sin tjänst/blir sjukskriven',
             'Övriga projektmedarbetare tar över ansvaret till ny projektledare eventuellt rekryteras och tar stöd '
             'från annan kompetens inom länet.', 'Styrgruppen'],
            ['Projektledaren prioriterar inte tiden till att arbeta i projektet',
             'Styrgruppen följer att tidsplanen hålls, om problemet uppstår för styrgruppen dialog med '
             'projektledaren om att prioritera tiden för projektet.', 'Styrgruppen'],
            ['Styrgruppen inte är engagerad',
             'Styrgruppen genomför initialt en utbildning gällande deras ansvar. Projektet är väl förankrad i länets '
             'kommuner samt högt politiskt prioriterat. Om problemet uppstår lyfts frågan till styrgruppen för '
             'åtgärd. Åtgärd kan vara ökad mötesfrekvens alt. ändrad mötesform för att upprätthålla delaktighet '
             'och intresse.', 'Styrgruppens ordförande'],
            ['Projektets omfattning visar sig kräva mer personella resurser än vad som är avsatt i projektet',
             'Frågan lyfts i projektets styrgrupp för diskussion om att antingen minska projektets ambitioner eller '
             'att tillsätta mer medel från ordinarie verksamhet.',
             'Projektledare, projektekonom samt styrgruppens ordförande'],
            ['Covid-19 medför att justeringar i planeringen av aktiviteter ändras.',
             'Det finns en upparbetad beredskap och flexibilitet inom länets kommuner av att ställa om till '
             'digitala arbetsmetoder och bedömningen är att aktiviteterna i projektet kan genomföras även om '
             'restriktionerna kring covid-19 kvarstår/ ökar.', 'Projektledare, styrgruppens ordförande'],
            ['Svårt att få deltagare till utbildningarna',
             'Projektet förankras hos ansvariga chefer i länets kommuner. Varje deltagande kommun förbinder sig att '
             'genomföra utbildningar enligt fastställd planering. Avtal upprättas mellan projektägare och '
             'deltagande organisation gällande detta.', 'Projektledare, styrgrupp'],
            ['Uppsatta mål för jämställdhet - tillgänglighet och ickediskriminering uppnås ej',
             'Projektledaren tar upp frågan i styrgruppen, styrgruppen gör en plan för hur arbetet med '
             'jämställdhet, tillgänglighet och icke-diskriminering ska prioriteras. Arbetet följs upp genom hela '
             'projektet.', 'Styrgruppen']]
    ind_sv = ['Individens tro på att få ett jobb', 'Kunskap om arbetsmarknaden', 'Målmedvetenhet',
              'Samarbetsförmåga', 'Hantering av vardagen', 'Hälsa och hantering av hälsan', 'Jobbsökningsbeteende']
    ind_en = ["The individual's belief in getting a job", 'Knowledge of the labour market', 'Purposefulness',
              'Ability to collaborate', 'Managing everyday life', 'Health and management of health',
              'Job search behavior']
    fixes = merge(
        {4032: ('title', 'Bakgrund - Projektets genomförande')},
        drop(4071, 4071, put=[None, ('figure', 'Figur 1: Långtidsarbetslösa i Uppsala län. '
                                              'Källa: Arbetsförmedlingens analysavdelning'), None]),
        drop(4121, 4134, put=[f'{i}. {t}' for i, t in enumerate(ind_sv, 1)] + [None]),
        {4107: 'närma sig den, Beskaeftigelses Indikator Projektet, BIP (Svensk översättning: '
               'Sysselsättningsindikatorprojektet).', 4108: None},
        as_bullets(4348, 4354), as_bullets(4358, 4376),
        {4430: '• Ge stöd åt projektledare och enskilda projektmedarbetare gällande tidsredovisning.',
         4434: None},
        as_bullets(4436, 4444),
        {4446: [None, 'Del 2: SMAIL-utbildarna genomför utbildningar inom respektive kommun. '
                      'SMAIL-utbildarna ansvarar'], 4447: None},
        as_bullets(4454, 4462), as_bullets(4465, 4467), as_bullets(4470, 4480), as_bullets(4482, 4484), as_bullets(4487, 4494),
        drop(4578, 4624, put=[None, ('table', risk, {'bold': {0}, 'shade': {0}, 'size': 9.5, 'first': 4.8,
                                                     'align': 'lll', 'widths': [4.8, 8.4, 3.4]}), None]),
        drop(4654, 4665, put=[f'{i}. {t}' for i, t in enumerate(ind_sv, 1)] + [None]),
        {5034: None, 4975: '• god analytisk och administrativ förmåga'},
    )
    heads = ['Tillvägagångssätt', 'Riskanalys', 'Översättning till engelska', 'Mål - Förväntade resultat',
             'Integrerat arbete', 'Ansökan om stöd - Resursplanering']
    sub = ['Innan projektstart:', 'Analys- och planeringsfas 1/1- 2022 till 28/2—2022',
           'Genomförandefas 1/3- 2022 till 28/2-2023.', 'Avslutningsfas 1/4 2023- 30/4 2023']
    minor = ['Syfte och aktiviteter:', 'Utbildare Samordningsförbundet:', 'Projektledare:', 'Projektekonom:',
             'Mål under Analys- och planeringsfasen:', 'Aktiviteter i del 1:', 'Utbildare kommunerna:',
             'Mål i del 1:', 'Aktiviteter i del 2:', 'Utbildare kommuner:', 'Mål i del 2:',
             'Aktiviteter i avslutningsfasen:', 'Mål i avslutningsfasen', 'Ekonom:', 'SMAIL- utbildare',
             'Projektnivå:', 'Individnivå:', 'Organisationsnivå:']
    sv = Parser(heads, sub, minor)
    en_fix = drop(4718, 4729, put=[f'{i}. {t}' for i, t in enumerate(ind_en, 1)] + [None])
    part1 = sv.parse(take(S0, 4032, 4690, fixes))
    part2 = Parser(restore='ocr').parse(take(S0, 4691, 4751, en_fix))
    part3 = sv.parse(take(S0, 4752, 5044, fixes))
    return part1 + part2 + part3


# ---------------------------------------------------------------- test fixture (seed 003)
def doc_fixture_003() -> list:
    fixes = merge(
        drop(1, 5),
        drop(52, 75, put=[
            goals('Effektmål samordningsteam',
                  '80% av deltagarna som skrivs ut ska ha en dokumentation/handlingsplan som beskriver nästa steg '
                  'mot arbete eller studier'),
            goals('Insatsmål samordningsteam',
                  'Samtliga deltagare erbjuds ett coachsamtal per vecka och en gruppaktivitet per vecka',
                  'Minst 20 individer per år får stöd av samordningsteamet'),
            goals('Effektmål ungdomssatsningen',
                  '80% av nyanlända unga vuxna som deltar ska ha en handlingsplan inom 6 månader'),
            goals('Insatsmål Ungdomssatsningen',
                  'Alla nyanlända unga vuxna som inte arbetar eller studerar ska kontaktas och erbjudas en '
                  'handlingsplan',
                  'Minst 50 unga vuxna per år får stöd i ungdomssatsningen')]),
        {99: [None, ('small', '*I denna bedömning ingår även information som inhämtats från handläggare, '
                              'vårdgivare, statistik och analys från Arbetsförmedlingen, Försäkringskassan, '
                              'Regionförbundet, ISF, IFAU, regeringen, DUA, MUCF, Samordningsförbund runtom i '
                              'landet, SKL, Socialstyrelsen, SCB m fl.')], 100: None, 101: None},
        {25: '• Öka förutsättningarna för individer att uppnå egen försörjning eller studier',
         133: None, 239: [None, '• Vänder sig till individer 16-65 som idag ar aktuella hos minst tva av vara '
                                 'valfardssystem']},
        drop(178, 183, put=[None, ('figure', 'Figur: Framsteget i Håbo 2018-2020 – Samordningsteam och '
                                             'Ungdomssatsningen'), None, 'Framsteget i Håbo kommun består av:',
                            '• Samordningsteam', '• Ungdomssatsningen', None]),
        drop(365, 376),
    )
    subheads = ['Gemensamma lokaler', 'Samordningsteam', 'Ungdomssatsningen']
    body = Parser(FORM_HEADINGS, FORM_SUBHEADS + subheads, FORM_MINOR + ['Behovsgrupper för samordningsteam:']
                  ).parse(take(SEED_003, 1, 376, fixes))
    sig = [('h3', 'Underskrifter'),
           ('sig', 'Insatsägare', [('Organisation och datum', ''), ('Insatsägare (namn)', ''),
                                   ('Insatsägare (namnförtydligande)', '')])]
    top = [('title', 'Ansökan samverkansinsatser inom samordningsförbundet'), ('pi', FORM_INSTR)]
    return top + body + sig


# =====================================================================
# DOCX rendering
# =====================================================================
def _docx():
    try:
        import docx
    except ImportError:
        sys.exit('python-docx is needed: pip install python-docx')
    return docx


def _set_cell_shading(cell, fill: str):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement('w:shd')
    shd.set(qn('w:val'), 'clear')
    shd.set(qn('w:color'), 'auto')
    shd.set(qn('w:fill'), fill)
    tcPr.append(shd)


def _set_cell_borders(cell, **edges):
    """edges: top/bottom/left/right = 'single'|'nil'."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    tcPr = cell._tc.get_or_add_tcPr()
    borders = OxmlElement('w:tcBorders')
    for edge in ('top', 'left', 'bottom', 'right'):
        val = edges.get(edge)
        if val is None:
            continue
        el = OxmlElement(f'w:{edge}')
        el.set(qn('w:val'), val)
        if val != 'nil':
            el.set(qn('w:sz'), '6')
            el.set(qn('w:space'), '0')
            el.set(qn('w:color'), '000000')
        borders.append(el)
    tcPr.append(borders)


def _field(paragraph, instr: str, size=None):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    fld = OxmlElement('w:fldSimple')
    fld.set(qn('w:instr'), instr)
    r = OxmlElement('w:r')
    if size:
        rPr = OxmlElement('w:rPr')
        sz = OxmlElement('w:sz')
        sz.set(qn('w:val'), str(int(size * 2)))
        rPr.append(sz)
        r.append(rPr)
    t = OxmlElement('w:t')
    t.text = '1'
    r.append(t)
    fld.append(r)
    paragraph._p.append(fld)


def _style_fonts(doc, font: str):
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor
    for st in doc.styles:
        try:
            el = st.element
        except AttributeError:
            continue
        rpr = el.find(qn('w:rPr'))
        if rpr is None:
            continue
        rf = rpr.find(qn('w:rFonts'))
        if rf is not None:
            for att in ('w:asciiTheme', 'w:hAnsiTheme', 'w:eastAsiaTheme', 'w:cstheme'):
                if rf.get(qn(att)) is not None:
                    del rf.attrib[qn(att)]
    normal = doc.styles['Normal']
    normal.font.name = font
    normal.font.size = Pt(11)
    normal.element.rPr.rFonts.set(qn('w:eastAsia'), font)
    normal.element.rPr.rFonts.set(qn('w:cs'), font)
    pf = normal.paragraph_format
    pf.space_after = Pt(6)
    pf.line_spacing = 1.08
    for name, size, before, after in (('Title', 18, 0, 10), ('Heading 1', 15, 14, 6), ('Heading 2', 12.5, 12, 4),
                                      ('Heading 3', 11.5, 10, 3), ('Heading 4', 11, 8, 2)):
        st = doc.styles[name]
        st.font.name = font
        st.font.size = Pt(size)
        st.font.bold = True
        st.font.italic = False
        st.font.color.rgb = RGBColor(0x1F, 0x2A, 0x44) if name != 'Heading 4' else RGBColor(0, 0, 0)
        st.paragraph_format.space_before = Pt(before)
        st.paragraph_format.space_after = Pt(after)
        st.paragraph_format.keep_with_next = True
        rpr = st.element.get_or_add_rPr()
        rpr.rFonts.set(qn('w:eastAsia'), font)
        rpr.rFonts.set(qn('w:cs'), font)
    # the Title style of the default template has a bottom border and expanded spacing: remove them
    title = doc.styles['Title'].element
    ppr = title.find(qn('w:pPr'))
    if ppr is not None:
        for child in list(ppr):
            if child.tag in (qn('w:pBdr'),):
                ppr.remove(child)
    rpr = title.find(qn('w:rPr'))
    if rpr is not None:
        for child in list(rpr):
            if child.tag in (qn('w:spacing'), qn('w:kern')):
                rpr.remove(child)


class Renderer:
    def __init__(self, font=FONT, landscape=False, header=None, footer_pages=True, margins=2.2, title=''):
        docx = _docx()
        from docx.enum.section import WD_ORIENT
        from docx.shared import Cm
        self.doc = docx.Document()
        self.font = font
        _style_fonts(self.doc, font)
        sec = self.doc.sections[0]
        if landscape:
            sec.orientation = WD_ORIENT.LANDSCAPE
            sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
        else:
            sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
        for side in ('left_margin', 'right_margin'):
            setattr(sec, side, Cm(margins))
        sec.top_margin = Cm(2.0)
        sec.bottom_margin = Cm(2.0)
        sec.header_distance = Cm(1.0)
        sec.footer_distance = Cm(1.0)
        self.text_width = (sec.page_width - sec.left_margin - sec.right_margin) / 360000.0  # cm
        if header:
            self._header(sec, header)
        if footer_pages:
            self._footer(sec)
        cp = self.doc.core_properties
        cp.author = 'Samordningsförbundet Uppsala län (exempel)'
        cp.last_modified_by = cp.author
        cp.title = title
        cp.subject = ''
        cp.comments = 'Example bilaga built by tools/make_example_bilagor.py from the shared seeds'
        cp.created = FIXED_TIME
        cp.modified = FIXED_TIME
        cp.last_printed = FIXED_TIME
        cp.revision = 1

    # ---- header / footer
    def _header(self, sec, header):
        from docx.enum.text import WD_TAB_ALIGNMENT
        from docx.shared import Cm, Pt
        left, right = header
        p = sec.header.paragraphs[0]
        p.paragraph_format.tab_stops.add_tab_stop(Cm(self.text_width), WD_TAB_ALIGNMENT.RIGHT)
        r = p.add_run(left)
        r.bold = True
        r.font.size = Pt(10)
        if right:
            r2 = p.add_run('\t\t' + right)
            r2.font.size = Pt(8)

    def _footer(self, sec):
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt
        p = sec.footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = p.add_run('Sida ')
        r.font.size = Pt(9)
        _field(p, 'PAGE', 9)
        r = p.add_run(' (')
        r.font.size = Pt(9)
        _field(p, 'NUMPAGES', 9)
        r = p.add_run(')')
        r.font.size = Pt(9)

    # ---- blocks
    def para(self, text, style=None, bold=False, italic=False, size=None, align=None, indent=None,
             space_after=None, keep=False):
        from docx.shared import Pt, Cm
        p = self.doc.add_paragraph(style=style)
        lines = text.split('\n')
        for i, line in enumerate(lines):
            r = p.add_run(line)
            r.bold = bold or None
            r.italic = italic or None
            if size:
                r.font.size = Pt(size)
            if i < len(lines) - 1:
                r.add_break()
        if align is not None:
            p.alignment = align
        if indent is not None:
            p.paragraph_format.left_indent = Cm(indent)
        if space_after is not None:
            p.paragraph_format.space_after = Pt(space_after)
        if keep:
            p.paragraph_format.keep_with_next = True
        return p

    def render(self, blocks):
        from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
        from docx.shared import Cm
        last = None
        for b in blocks:
            kind = b[0]
            if kind == 'pagebreak':
                if last is not None and last != 'pagebreak':
                    self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            elif kind == 'title':
                self.para(b[1], style='Title')
            elif kind == 'h2':
                self.para(b[1], style='Heading 2')
            elif kind == 'h3':
                self.para(b[1], style='Heading 3')
            elif kind == 'h4':
                self.para(b[1], style='Heading 4')
            elif kind == 'p':
                self.para(b[1])
            elif kind == 'pi':
                self.para(b[1], italic=True, size=9.5)
            elif kind == 'small':
                self.para(b[1], size=9)
            elif kind == 'quote':
                self.para(b[1], italic=True, indent=1.0)
            elif kind == 'right':
                self.para(b[1], align=WD_ALIGN_PARAGRAPH.RIGHT, bold=True)
            elif kind == 'bullet':
                p = self.para(b[1], style='List Bullet', space_after=3)
            elif kind == 'num':
                m = re.match(r'^(\d{1,2})[.,)]\s+(.*)$', b[1])
                p = self.para(f'{m.group(1)}.\t{m.group(2)}' if m else b[1], space_after=3)
                p.paragraph_format.left_indent = Cm(0.75)
                p.paragraph_format.first_line_indent = Cm(-0.75)
                p.paragraph_format.tab_stops.add_tab_stop(Cm(0.75))
            elif kind == 'figure':
                self.figure(b[1])
            elif kind == 'table':
                self.table(b[1], b[2])
            elif kind == 'goals':
                self.goals(b[1], b[2])
            elif kind == 'sig':
                self.sig(b[2])
            else:
                raise ValueError(kind)
            last = kind

    def _cell_text(self, cell, text, size, bold=False, align=None, italic=False):
        from docx.shared import Pt
        cell.text = ''
        p = cell.paragraphs[0]
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.space_before = Pt(0)
        p.paragraph_format.line_spacing = 1.0
        lines = str(text).split('\n')
        for i, line in enumerate(lines):
            r = p.add_run(line)
            r.font.size = Pt(size)
            r.bold = bold or None
            r.italic = italic or None
            if i < len(lines) - 1:
                r.add_break()
        if align is not None:
            p.alignment = align

    def _widths(self, ncols, spec):
        if spec.get('widths'):
            return spec['widths']
        first = spec.get('first', 5.0)
        rest = (self.text_width - first) / max(ncols - 1, 1)
        if spec.get('colw'):
            rest = min(rest, spec['colw'])
        return [first] + [rest] * (ncols - 1)

    def _fix_widths(self, table, widths):
        from docx.shared import Cm
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        table.autofit = False
        tblPr = table._tbl.tblPr
        layout = OxmlElement('w:tblLayout')
        layout.set(qn('w:type'), 'fixed')
        tblPr.append(layout)
        mar = OxmlElement('w:tblCellMar')
        for side in ('left', 'right'):
            el = OxmlElement(f'w:{side}')
            el.set(qn('w:w'), '57')
            el.set(qn('w:type'), 'dxa')
            mar.append(el)
        tblPr.append(mar)
        grid = table._tbl.tblGrid
        for gc, w in zip(grid.findall(qn('w:gridCol')), widths):
            gc.set(qn('w:w'), str(int(w * 567)))
        for row in table.rows:
            for cell, w in zip(row.cells, widths):
                cell.width = Cm(w)

    def table(self, rows, spec):
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt
        al = {'l': WD_ALIGN_PARAGRAPH.LEFT, 'r': WD_ALIGN_PARAGRAPH.RIGHT, 'c': WD_ALIGN_PARAGRAPH.CENTER}
        ncols = max(len(r) for r in rows)
        t = self.doc.add_table(rows=len(rows), cols=ncols)
        t.style = self.doc.styles['Table Grid']
        widths = self._widths(ncols, spec)
        self._fix_widths(t, widths)
        size = spec.get('size', 9)
        align = spec.get('align', 'l' * ncols)
        for i, r in enumerate(rows):
            bold = i in spec.get('bold', ())
            for j in range(ncols):
                txt = r[j] if j < len(r) else ''
                a = al[align[j]] if j < len(align) else None
                csize = size
                if i == 0 and 0 in spec.get('bold', ()) and spec.get('header', True):
                    csize = spec.get('head_size', size)
                    if j > 0:
                        a = WD_ALIGN_PARAGRAPH.CENTER
                self._cell_text(t.cell(i, j), n(txt) if isinstance(txt, int) else txt, csize, bold, a)
                if i in spec.get('shade', ()):
                    _set_cell_shading(t.cell(i, j), 'D9E2F3')
        if spec.get('bold') and 0 in spec['bold'] and spec.get('header', True):
            from docx.oxml import OxmlElement
            trPr = t.rows[0]._tr.get_or_add_trPr()
            h = OxmlElement('w:tblHeader')
            trPr.append(h)
        sp = self.doc.add_paragraph()
        sp.paragraph_format.space_after = Pt(4)

    def goals(self, title, cells):
        from docx.shared import Pt
        ncols = len(cells)
        t = self.doc.add_table(rows=2, cols=ncols)
        t.style = self.doc.styles['Table Grid']
        w = self.text_width / ncols
        self._fix_widths(t, [w] * ncols)
        top = t.cell(0, 0)
        if ncols > 1:
            top = top.merge(t.cell(0, ncols - 1))
        self._cell_text(top, title, 10.5, bold=True)
        _set_cell_shading(top, 'E2EFD9')
        for j, c in enumerate(cells):
            self._cell_text(t.cell(1, j), c, 10)
        sp = self.doc.add_paragraph()
        sp.paragraph_format.space_after = Pt(2)

    def figure(self, text):
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm, Pt
        t = self.doc.add_table(rows=1, cols=1)
        t.style = self.doc.styles['Table Grid']
        self._fix_widths(t, [min(self.text_width, 14.0)])
        t.alignment = 1
        c = t.cell(0, 0)
        self._cell_text(c, '\n' + text + '\n', 9.5, italic=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        _set_cell_shading(c, 'F2F2F2')
        tr = t.rows[0]
        tr.height = Cm(3.2)
        sp = self.doc.add_paragraph()
        sp.paragraph_format.space_after = Pt(4)

    def sig(self, rows):
        from docx.shared import Cm, Pt
        t = self.doc.add_table(rows=len(rows), cols=2)
        self._fix_widths(t, [6.3, self.text_width - 6.3])
        for i, (label, value) in enumerate(rows):
            self._cell_text(t.cell(i, 0), label, 10, bold=True)
            self._cell_text(t.cell(i, 1), value, 10.5)
            _set_cell_borders(t.cell(i, 0), top='nil', left='nil', right='nil', bottom='nil')
            _set_cell_borders(t.cell(i, 1), top='nil', left='nil', right='nil', bottom='single')
            t.rows[i].height = Cm(1.3 if '(namn)' in label else 0.9)
        sp = self.doc.add_paragraph()
        sp.paragraph_format.space_after = Pt(6)

    def save(self, path: Path):
        buf = io.BytesIO()
        self.doc.save(buf)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(normalize_docx(buf.getvalue()))


def normalize_docx(data: bytes) -> bytes:
    """Rewrite the zip with fixed timestamps so that the DOCX bytes are reproducible."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2021, 9, 9, 8, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, src.read(info.filename))
    return out.getvalue()


def normalize_pdf(data: bytes) -> bytes:
    """Fix dates, document id and checksum of a LibreOffice PDF (same byte lengths, so xref stays valid)."""
    import hashlib

    data = re.sub(rb'(/(?:CreationDate|ModDate)\s*\(D:)\d{14}', rb'\g<1>20210909080000', data)
    data = re.sub(rb'(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d',
                  rb'\g<1>2021-09-09T08:00:00', data)
    volatile = rb'/ID\s*\[[^\]]*\]|/DocChecksum\s*/[0-9A-Fa-f]+'
    digest = hashlib.md5(re.sub(volatile, b'', data)).hexdigest().upper().encode()

    def fix(m):
        return re.sub(rb'(?<=[</])([0-9A-Fa-f]{8,})', lambda k: (digest * 4)[:len(k.group(1))], m.group(0))

    return re.sub(volatile, fix, data)


# =====================================================================
# Build
# =====================================================================
APP_HEADER = ('Samordningsförbundet Uppsala län', 'v:19-07-10')

DOCX_TARGETS = [
    ('en-vag-in-steget-vidare/ansokan.docx', doc_knivsta, 'Ansökan En väg in – steget vidare'),
    ('arbetslivsintro/ansokan.docx', doc_uppsala, 'Ansökan Arbetslivsintro'),
    ('ung-framtid/ansokan.docx', doc_tierp, 'Ansökan Ung framtid'),
    ('framsteget-2-0/ansokan.docx', doc_habo, 'Ansökan Framsteget 2.0'),
    ('jobbcentrum-din-vag-framat/ansokan.docx', doc_enkoping, 'Ansökan Jobbcentrum, din väg framåt'),
]
PDF_TARGETS = [
    ('serviceavgift-nns/1-langsiktig-finansiering.pdf', doc_nns1, 'Långsiktig finansiering av NNS verksamhet',
     {}),
    ('serviceavgift-nns/2-forslag-langsiktig-finansiering.pdf', doc_nns2,
     'Förslag till långsiktig finansiering av NNS verksamhet', {}),
    ('serviceavgift-nns/3-finansiering.pdf', doc_nns3, 'Finansiering av NNS verksamhet', {}),
    ('serviceavgift-nns/4-verksamhetsinriktning.pdf', doc_nns4,
     'Verksamhetsinriktning 2019-2022 med budget för 2021', {}),
    ('serviceavgift-nns/5-tjanstemannastod.pdf', doc_nns5,
     'Hantering finansiering av tjänstemannastöd i NNS styrelse och AU', {'landscape': True}),
    ('esf-information/ansokan-esf.pdf', doc_esf, 'ESF-ansökan SMAIL – Skattning Mot Arbete I Länet', {}),
]


def render_docx(blocks, path: Path, title: str, **kw):
    r = Renderer(title=title, **kw)
    r.render(blocks)
    r.save(path)


def soffice_convert(files: list[Path], outdir: Path):
    exe = shutil.which('soffice') or shutil.which('libreoffice')
    if not exe:
        sys.exit('LibreOffice (soffice) is needed to make the PDFs')
    cmd = [exe, '-env:UserInstallation=file:///tmp/lo-profile-bilagor', '--headless', '--convert-to', 'pdf',
           '--outdir', str(outdir)] + [str(f) for f in files]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)


def dump(blocks):
    for b in blocks:
        if b[0] in ('table',):
            print('  [table]')
            for row in b[1]:
                print('   | ' + ' | '.join(str(c).replace('\n', ' / ') for c in row))
        elif b[0] == 'goals':
            print(f'  [goals] {b[1]}: ' + ' || '.join(b[2]))
        elif b[0] == 'sig':
            print('  [sig] ' + ' ; '.join(f'{a}={v}' for a, v in b[2]))
        elif b[0] == 'pagebreak':
            print('  ----- page -----')
        else:
            print(f'{b[0]:>7}: {b[1]}')


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--dump', action='store_true', help='print the parsed text instead of writing files')
    ap.add_argument('--only', help='build only targets whose path contains this string')
    args = ap.parse_args(argv)
    if not SEED_000.exists():
        sys.exit(f'seed not found: {SEED_000}')
    docx_targets = [(MEETING / p, f, t, {'header': APP_HEADER}) for p, f, t in DOCX_TARGETS]
    docx_targets.append((FIXTURES / 'ansokan-framsteget-i-habo.docx', doc_fixture_003,
                         'Ansökan samverkansinsatser – Framsteget i Håbo', {'header': APP_HEADER}))
    pdf_targets = [(MEETING / p, f, t, kw) for p, f, t, kw in PDF_TARGETS]
    if args.only:
        docx_targets = [x for x in docx_targets if args.only in str(x[0])]
        pdf_targets = [x for x in pdf_targets if args.only in str(x[0])]
    if args.dump:
        for path, fn, title, _ in docx_targets + pdf_targets:
            print(f'===== {path.relative_to(ROOT)}')
            dump(fn())
        return
    for path, fn, title, kw in docx_targets:
        render_docx(fn(), path, title, **kw)
        print(f'wrote {path.relative_to(ROOT)}')
    with tempfile.TemporaryDirectory(prefix='bilagor-') as tmp:
        tmp = Path(tmp)
        jobs = []
        for i, (path, fn, title, kw) in enumerate(pdf_targets):
            src = tmp / f'doc{i}.docx'
            render_docx(fn(), src, title, footer_pages=True, **kw)
            jobs.append((src, path))
        fixture_docx = FIXTURES / 'ansokan-framsteget-i-habo.docx'
        if fixture_docx.exists() and (not args.only or args.only in str(fixture_docx)):
            fx = tmp / 'fixture.docx'
            shutil.copy(fixture_docx, fx)
            jobs.append((fx, FIXTURES / 'ansokan-framsteget-i-habo.pdf'))
        if jobs:
            outdir = tmp / 'out'
            outdir.mkdir()
            soffice_convert([s for s, _ in jobs], outdir)
            for src, dest in jobs:
                pdf = outdir / (src.stem + '.pdf')
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_bytes(normalize_pdf(pdf.read_bytes()))
                print(f'wrote {dest.relative_to(ROOT)}')


if __name__ == '__main__':
    main()
