"""Judge every line of a scraped article: body text stays, page chrome goes, with a reason.

A line is judged by features, never by matching known strings: its length, whether it ends
like a sentence, where it sits (head or tail of the page), how much of it is the vocabulary
of page chrome (share, subscribe, follow us, comments, related, trending, cookies ...), the
imperative prompts pages address to readers, contact details, and whether it repeats an
earlier line. Title, byline and dateline lines leave the body for the metadata fields.

The one promise: a line that is a full sentence of body text (long enough, ending in
sentence punctuation) is never dropped, unless it repeats an earlier line exactly or is
chrome beyond doubt (a reader prompt that also names the page, a comment box, an e-mail).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from newsprism.clean import metadata as meta
from newsprism.config import CleanConfig
from newsprism.model import Removed

# -- features ----------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?:[.!?…][\"”’'»)\]]*|[\"”»])$")
_INNER_SENTENCE_END = re.compile(r"[a-z0-9%)\]][.!?…][\"”’'»)\]]*(?=\s|[A-Z])")
_OPENS_QUOTE = re.compile(r"^[\"“‘«„]")

# Vocabulary of page chrome, by the reason it gives. Each pattern is a way pages address
# readers or label their own furniture, not a phrase of any one site. With each pattern go
# its cues: lower-case strings of which at least one occurs in any line the pattern matches
# ("^x": the line starts with x). A line with none of a reason's cues skips its pattern, so
# most body lines cost a few substring tests instead of thirty regex scans.
_SOCIAL_NAMES = ("facebook", "twitter", "x", "instagram", "whatsapp", "telegram", "linkedin", "pinterest", "reddit",
                 "youtube", "tiktok", "threads", "bluesky", "vk")
_SOCIAL = "(?:" + "|".join(_SOCIAL_NAMES) + ")"
_CHROME_TABLE: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("share prompt", ("^shar", "share th", "share on", "share via", "share to", "copy link"),
     r"^(?:share|sharing)\b(?:\s+(?:this|the|on|via|article|story|page|post|now|link))*\W*$"
     rf"|\bshare (?:this|the) (?:article|story|post|page|link)\b|\bshare (?:on|via|to) {_SOCIAL}\b"
     r"|\bcopy link\b"),
    ("subscribe", ("subscri",),
     r"\bsubscri(?:be|bing|ption)\b(?! to the (?:view|idea|notion|theory))"),
    ("social follow", ("^follow", "follow ", "like us", "like our", "find us on", "join us", "join our"),
     rf"\bfollow (?:us|me)\b|^follow\b.{{0,60}}\bon {_SOCIAL}\b|\bfollow \w+ on {_SOCIAL}\b|\blike (?:us|our)\b.{{0,30}}\b(?:page|{_SOCIAL})\b"
     rf"|\bfind us on\b|\bjoin (?:us|our \w+) on {_SOCIAL}\b"),
    ("comments", ("comment", "join the conversation", "join the discussion"),
     r"^(?:\d+\s+)?comments?\b\W*(?:\(\d+\))?\W*$"
     r"|\b(?:leave|add|post|write|submit|view|show|read|load|see) (?:a |your |the |all |\d+ )?comments?\b"
     r"|\bcomments? (?:section|box|policy|are closed)\b|\bjoin the (?:conversation|discussion)\b"),
    ("newsletter", ("newsletter", "sign up", "sign in", "signing up", "signing in", "login", "log in", "create an account",
                    "create your account", "register ", "inbox"),
     r"\bnewsletters?\b|\bsign(?:ing)? (?:up|in)\b|\blog ?in\b|\bcreate (?:an|your) account\b"
     r"|\bregister (?:now|here|for free)\b|\bstraight to your inbox\b"),
    ("click prompt", ("click", "tap here"),
     r"\bclick\b|\btap here\b"),
    ("related links", ("related", "read more", "see also", "also read", "you may", "you might", "more stories", "^read ",
                       "^see ", "^watch", "^more", "^also", "^recommended", "^next ", "^prev", "^listen"),
     r"^related\b|\brelated (?:content|articles?|stories|news|posts?|coverage|topics|reading|links|videos?)\b"
     r"|^(?:read|see|watch) (?:more|also|next)\b|\bread more\b|^more (?:from|on|stories|news|in|about)\b"
     r"|\bsee also\b|\balso read\b|^recommended\b|\byou (?:may|might) (?:also )?(?:like|enjoy|be interested)\b"
     r"|\bmore stories\b|^(?:next|previous|prev) (?:article|story|post)\b|^also on\b"
     r"|^(?:more|also|see more(?: photos| videos)?|watch|listen)\s*:?$"),
    ("trending", ("trending", "most popular", "most read", "most viewed", "most shared", "most commented", "most watched",
                  "pick", "top stories", "popular ", "^latest"),
     r"\btrending\b|\bmost (?:popular|read|viewed|shared|commented|watched)\b|\beditor'?s?'? picks?\b"
     r"|\btop stories\b|\bpopular (?:now|stories|articles)\b|^latest(?: news| stories| videos| articles| updates)?\W*$"),
    ("advertisement", ("advertis", "^ad", "^sponsored", "promoted", "story continues"),
     r"\badvertisements?\b|^advertising\W*$|^ad\W*$|^sponsored(?: content| links?| stories)?\W*$"
     r"|\badvertise with us\b|\bpromoted (?:content|stories|links)\b|\bstory continues (?:below|after)\b"),
    ("cookies", ("cookie", "privacy ", "terms of", "terms and"),
     r"\bcookies?\b|\bprivacy (?:policy|settings|notice)\b|\bterms (?:of (?:use|service)|and conditions)\b"),
    ("navigation", ("skip to", "skip navigation", "^menu", "^main menu", "of page", "of the page", "back to", "^home", "^search", "^close",
                    "^sections", "^navigation", "jump to", "^print", "^email", "^e-mail", "^tag", "^topic", "^filed under",
                    "^categor", "^keywords", "read", "^listen to", "^loading"),
     r"\bskip (?:to|navigation)\b|^(?:main )?menu\W*$|\b(?:top|bottom) of (?:the )?page\b|\bback to (?:top|home)\b"
     r"|^(?:home|search|close|sections|navigation)\W*$|\bjump to\b"
     r"|^(?:print|e-?mail)(?: this)?(?: article| story| page)?\W*$"
     r"|^(?:tags?|topics?|filed under|categories|category|keywords)\s*:"
     r"|\b\d+\s*min(?:ute)?s?\s+read\b|^reading time\b|^listen to (?:this )?(?:article|story)\b|^loading\b"),
    ("copyright", ("©", "(c)", "copyright", "all rights reserved"),
     r"©|\(c\)\s*(?:19|20)\d{2}|\bcopyright\b|\ball rights reserved\b"),
    ("social buttons", tuple("^" + name for name in _SOCIAL_NAMES),
     rf"^{_SOCIAL}(?:\W+(?:{_SOCIAL}|e-?mail|print|copy link))*\W*$"),
    ("donation appeal", ("donate", "support us", "support our", "become a", "buy "),
     r"\bdonate\b|\bsupport (?:us|our (?:work|journalism|reporting))\b"
     r"|\bbecome an? (?:member|subscriber|patron|supporter)\b|\bbuy (?:a|an|our|the)\s+[\w-]+ (?:today|now)\b"),
    ("contact prompt", ("contact us", "mail us", "write to us", "call us", "text us", "message us", "send ", "a tip",
                        "news tip", "feedback"),
     r"\bcontact us\b|\b(?:e-?mail|write to|call|text|message) us\b|\bsend (?:us )?(?:an? )?(?:e-?mail|tip|message)\b"
     r"|\b(?:have|got) a (?:news )?tip\b|\bfeedback\b"),
    ("app prompt", ("the app", "our app"),
     r"\bdownload (?:our|the) app\b|\bget the app\b"),
)

_CHROME: tuple[tuple[str, tuple[str, ...], tuple[str, ...], re.Pattern[str]], ...] = tuple(
    (reason, tuple(c for c in cues if not c.startswith("^")), tuple(c[1:] for c in cues if c.startswith("^")),
     re.compile(rx, re.I))
    for reason, cues, rx in _CHROME_TABLE)

# Imperatives and questions a page addresses to its reader about the page itself.
_PROMPT = re.compile(
    r"^(?:please\b|click\b|tap\b|subscribe\b|follow us\b|like (?:us|our)\b|share\b|sign (?:up|in)\b|join (?:us|our)\b"
    r"|download\b|support (?:us|our|the)\b|buy\b|donate\b|send us\b|(?:e-?mail|call|contact|tell|write to|text) us\b"
    r"|do you (?:want|have|wish|like)\b|want to\b|would you like\b|have (?:a|any) (?:tip|story|question|comment)\b"
    r"|got a (?:tip|story)\b|(?:read|see|watch|listen)(?: more| also| now| next| here)?\s*[:\-–]|don'?t miss\b"
    r"|find us\b|stay (?:informed|updated|connected|tuned)\b|never miss\b|get (?:our|the latest|breaking)\b"
    r"|follow\b(?=.{0,60}\bon\s+" + _SOCIAL + r"\b)|(?:like|enjoy(?:ed)?|love) this (?:story|article|post)\b"
    r"|share (?:it|this)\b)",
    re.I,
)
# The page, its boxes and its channels, as a prompt names them ("this story", "the box below").
# A link prompt is chrome even inside a long sentence.
_CLICK_PROMPT = re.compile(r"\b(?:click|tap) (?:here|below|the link|to (?:subscribe|read|see|watch|buy|download|sign|learn))\b",
                           re.I)
_PAGE_REF = re.compile(
    r"\b(?:this|our) (?:story|article|page|post|site|website|newsletter|app|channel|podcast|feed)\b"
    r"|\b(?:box|form|link|button|section) below\b|\bour " + _SOCIAL + r"\b", re.I)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»|„[^“”]*[“”]")
_READER = re.compile(r"\byou(?:r)?\b", re.I)
# Words of a site's section menu; a head line made only of them is a label, not a headline.
_SECTION_WORDS = frozenset(
    "news world politics business opinion opinions sport sports science tech technology health culture arts lifestyle "
    "entertainment europe africa asia americas middle east us uk international national local breaking latest live "
    "analysis comment editorial features feature economy markets climate environment video videos podcasts home region "
    "regions society education media travel security defence defense war conflict exclusive investigation "
    "investigations top stories".split())
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
_URL = re.compile(r"https?://\S+|\bwww\.\S+|\b[\w-]+\.(?:com|org|net|info|io|co\.uk|ru)\b(?:/\S*)?", re.I)
_PHONE = re.compile(r"(?<![\w.])\+?\(?\d[\d ()-]{7,}\d(?![\w.])")
_URL_CUES = ("http", "www.", ".com", ".org", ".net", ".info", ".io", ".co.uk", ".ru")
_DIGIT = re.compile(r"\d")
_CONTACT = re.compile(_EMAIL.pattern + "|" + _PHONE.pattern + "|" + _URL.pattern, re.I)
_BREADCRUMB_SEP = re.compile(r"\s*(?:›|»|>|/|\|)\s*")

# Where a page names the photo's source: "Photo: X", "Images source: X", "Credit: X".
_CREDIT_LABEL = re.compile(
    r"^\(?(?:(?:main|top|cover|header|featured|lead)\s+)?(?:photos?|images?|pictures?|pics?|photographs?|illustrations?"
    r"|graphics?|videos?|credits?|footage|media)(?:\s+(?:source|sources|credits?|by|courtesy|via|caption))?"
    r"\s*(?:[:|©]|by\b|/|(?<=source),|(?<=caption),)",
    re.I)
# Picture agencies and credit phrases; the bare acronyms only in capitals ("(ePA)" is no agency).
_AGENCY = (r"(?i:\bgetty images\b|\breuters/|\bshutterstock\b|\balamy\b|\bwiki(?:media|pedia) commons\b|\bvia getty\b"
           r"|\bsputnik/|\banadolu\b|\bxinhua\b)|\bAP Photo\b|\bAFP\b|\bEPA(?:-EFE)?\b")
_AGENCY_CUES = ("getty", "reuters/", "shutterstock", "alamy", "commons", "sputnik/", "anadolu", "xinhua")
_AGENCY_ACRONYMS = ("AP Photo", "AFP", "EPA")
_CREDIT_AGENCY = re.compile(_AGENCY + r"|(?i:\b(?:photo|image|picture|photograph) (?:by|courtesy|credit)\b)")
_CAPTION_CREDIT = re.compile(
    r"(?i:\((?:photos?|images?|pictures?|credits?|photographs?)(?:\s+(?:credit|source|by))?\s*[:/][^)]*\)\s*$)"
    r"|\([^()]*(?:" + _AGENCY + r")[^()]*\)\s*$"
    r"|(?:" + _AGENCY + r")\S*(?: \S+)?\s*$")


def ends_sentence(line: str) -> bool:
    """Ends in . ! ? or a closing quote (a bracket may follow)."""
    return bool(_SENTENCE_END.search(line.rstrip()))


def is_full_sentence(line: str, min_chars: int) -> bool:
    """A line of body text the cleaner promises to keep: long enough and ending like a sentence."""
    line = line.strip()
    return len(line) >= min_chars and ends_sentence(line)


def holds_sentence(line: str, min_chars: int) -> bool:
    """A full sentence, or a line whose first min_chars or more end in a full stop with a
    widget's words glued on after it ("... offline business.Click To Tweet")."""
    line = line.strip()
    if is_full_sentence(line, min_chars):
        return True
    return any(m.end() >= min_chars for m in _INNER_SENTENCE_END.finditer(line))


def chrome_hits(line: str) -> list[str]:
    """Reasons whose chrome vocabulary occurs in the line, in a fixed order."""
    low = line.lower()
    return [reason for reason, cues, starts, rx in _CHROME
            if (low.startswith(starts) or any(c in low for c in cues)) and rx.search(line)]


def has_contact(line: str) -> bool:
    """An e-mail address, a phone number or a web address (each pattern tried only when its cue is there)."""
    low = line.lower()
    return bool(("@" in low and _EMAIL.search(line)) or (_DIGIT.search(line) and _PHONE.search(line))
                or (any(c in low for c in _URL_CUES) and _URL.search(line)))


def is_photo_credit(line: str) -> bool:
    """A line that only names a photo's source ("Photo: X", "Getty Images | Name")."""
    line = line.strip()
    if _CREDIT_LABEL.match(line) and len(line.split()) <= 20:
        return True
    return len(line.split()) <= 10 and not ends_sentence(line) and bool(_CREDIT_AGENCY.search(line))


def is_credited_caption(line: str) -> bool:
    """A caption that ends in a photo credit ("... in Gaza. (Photo: X)"); not itself a sentence."""
    line = line.strip()
    if ends_sentence(line) or not (line.endswith(")") or any(c in line.lower() for c in _AGENCY_CUES)
                                   or any(c in line for c in _AGENCY_ACRONYMS)):
        return False
    return bool(_CAPTION_CREDIT.search(line))


def is_section_label(line: str) -> bool:
    """"World News", "OPINION", "Middle East": a site section's name above a headline."""
    words = re.findall(r"[\w-]+", line.casefold())
    return 0 < len(words) <= 3 and not ends_sentence(line) and all(w in _SECTION_WORDS for w in words)


def is_table_row(line: str) -> bool:
    """"| Pos | Player | Points |": a row of a table the article prints (extractors write tables so)."""
    line = line.strip()
    return len(line) > 2 and line[0] == "|" and line[-1] == "|"


def _is_breadcrumb(line: str) -> bool:
    """"Home › World › Europe": short segments joined by path separators."""
    segments = [s for s in _BREADCRUMB_SEP.split(line) if s]
    seps = _BREADCRUMB_SEP.findall(line)
    if len(segments) < 2 or ends_sentence(line):
        return False
    if any(len(s.split()) > 3 for s in segments):
        return False
    return len(seps) >= 2 or any(s.strip() in ("›", "»", ">") for s in seps)


def chrome_reason(line: str, min_sentence_chars: int) -> Optional[str]:
    """Why this line is page chrome, or None when it may be body text.

    Short lines go on one chrome cue; a full sentence only on several that agree (a prompt
    to the reader that also names the page, its comment box or a way to write in).
    """
    text = line.strip()
    if not text or _OPENS_QUOTE.match(text):
        return None  # quoted speech is the article's, whatever its words
    words = text.split()
    probe = text.lstrip("[(<•*·–- ")  # "[Related: ...]", "• Share": judge the words, not the bullet
    prompt = bool(_PROMPT.match(probe))
    if holds_sentence(text, min_sentence_chars) or len(words) > 25:
        # Words inside quotation marks are someone's speech, not the page talking to its reader.
        own = _QUOTED.sub(" ", text)
        hits = chrome_hits(own)
        low = own.lower()
        click = ("click" in low or "tap" in low) and bool(_CLICK_PROMPT.search(own))
        if not (hits or prompt or click):
            return None  # most body text: no chrome word, no prompt, nothing more to weigh
        page_ref = bool(_PAGE_REF.search(own))
        reader = bool(_READER.search(own))
        density = len(set(hits)) / len(words)
        strong = (prompt and (hits or page_ref or has_contact(text))) or click or \
                 (reader and hits and (page_ref or (len(set(hits)) >= 2 and density >= 0.1)))
        dense = len(set(hits)) >= 3 or (len(set(hits)) >= 2 and density >= 0.15)
        # Prompts are short; a long paragraph with a chrome word or two is about those things.
        if (strong or dense) and (len(words) <= 40 or density >= 0.08):
            return "boilerplate: " + (hits[0] if hits else "reader prompt")
        return None
    hits = chrome_hits(probe)
    if hits:
        return "boilerplate: " + hits[0]
    if prompt:
        return "boilerplate: reader prompt"
    if has_contact(text) and len(_CONTACT.sub("", text).split()) <= 3:
        return "contact details"
    if _is_breadcrumb(text) and not is_table_row(text):
        return "navigation"
    return None


# -- the judgement ---------------------------------------------------------------------------------


@dataclass
class CleanedText:
    """The cleaned body and what the head, bylines and source lines of the page said."""

    text: str
    removed: list[Removed] = field(default_factory=list)
    title: Optional[str] = None
    author: Optional[str] = None
    published: Optional[str] = None
    outlet: Optional[str] = None


def _key(line: str) -> str:
    """How lines are compared for repetition: case and spacing do not matter."""
    return " ".join(line.casefold().split())


def _loose_key(line: str) -> str:
    """A caption repeating the headline may add a full stop or quotes."""
    return _key(line).strip(" .!?:;,\"'“”‘’")


def clean_lines(text: str, cfg: Optional[CleanConfig] = None, known_title: Optional[str] = None,
                extracted: bool = False) -> CleanedText:
    """Split normalized text into lines, judge each, and rebuild the body from what stays.

    `known_title` (from HTML metadata or the input record) is removed from the head instead
    of guessing the title from the first lines.

    `extracted` says the text is what an HTML extractor kept of a page: its menus, footers and
    contact boxes are already gone, so what remains of the page's own lines is the article's.
    There a repeated line (a list item, a table header, an interview's recurring question) stays,
    as do bare links and addresses and the short lines at the foot; title, bylines, datelines,
    credits and the prompts that slip through are still taken out.
    """
    cfg = cfg or CleanConfig()
    lines = [line.strip() for line in text.split("\n")]
    nonempty = [i for i, line in enumerate(lines) if line]
    head = nonempty[: cfg.head_lines]
    reason: dict[int, str] = {}
    out = CleanedText(text="")

    def prev_line(i: int) -> Optional[int]:
        return i - 1 if i > 0 and lines[i - 1] else None

    # A line that starts in lower case right after an unfinished line continues the same
    # paragraph (hard-wrapped text): it is judged with its paragraph, never on its own.
    continues = {i for i in nonempty if prev_line(i) is not None and lines[i][0].islower()
                 and not re.search(r"[.!?:\"”)]$", lines[i - 1])}
    full = {i for i in nonempty if is_full_sentence(lines[i], cfg.min_sentence_chars)}

    # Photo credits and captions that carry one.
    for i in nonempty:
        if i in continues:
            continue
        if i in full:
            continue
        if is_photo_credit(lines[i]):
            reason[i] = "photo caption" if re.match(r"\W*\w+ caption\b", lines[i], re.I) else "photo credit"
        elif is_credited_caption(lines[i]):
            reason[i] = "photo caption"

    # Bylines and editor lines may sit anywhere (often at the foot); datelines only at the head.
    dates: list[tuple[int, str]] = []
    authors: list[tuple[int, str]] = []
    for i in nonempty:
        if i in reason or i in continues:
            continue
        byline = meta.parse_byline(lines[i])
        if byline is None:
            continue
        if byline.kind == "editor":
            reason[i] = "editor line"
            continue
        reason[i] = "byline"
        if byline.author:
            authors.append((i, byline.author))
        if byline.published and i in head:
            dates.append((i, byline.published))
    for i in head:
        if i in reason or i in continues:
            continue
        date = meta.parse_dateline(lines[i]) or meta.parse_foreign_dateline(lines[i])
        if date:
            reason[i] = "dateline"
            dates.append((i, date))
        elif meta.is_relative_dateline(lines[i]):
            reason[i] = "dateline"
    authors += _bare_name_bylines(lines, head, reason)
    out.published = min(dates)[1] if dates else None  # the first date the page states
    out.author = min(authors)[1] if authors else None  # the first byline

    # Chrome by features.
    for i in nonempty:
        if i in reason or i in continues:
            continue
        why = chrome_reason(lines[i], cfg.min_sentence_chars)
        if why and not (extracted and why == "contact details"):
            reason[i] = why

    # Under a bare "Related" or "Most read" label come the linked headlines: short lines, no
    # sentences. A label that carries its one link ("Related: Port strike ends") has no list
    # below it: the short line after it is the article's own subheading.
    for n, i in enumerate(nonempty):
        if reason.get(i) in ("boilerplate: related links", "boilerplate: trending") and _is_bare_label(lines[i]):
            for j in nonempty[n + 1: n + 11]:
                if j in reason:
                    continue
                if holds_sentence(lines[j], cfg.min_sentence_chars) or len(lines[j].split()) > 15 or j in continues:
                    break
                reason[j] = "boilerplate: linked headline"

    _find_title(lines, head, reason, cfg, known_title, out)
    _drop_repeats(lines, nonempty, reason, out.title, full, exact_repeats=not extracted)

    # The foot of the page: once a footer widget shows up past the last line of body text
    # ("Related", "Comments", a byline), the short lines below it are links and labels. Short
    # lines before any widget may be the article's own list or table, and stay.
    kept = [i for i in nonempty if i not in reason]
    body_ends = [i for i in kept if ends_sentence(lines[i]) and (i in full or len(lines[i].split()) >= 8)]
    if body_ends and not extracted:  # an extractor has already cut the page's foot
        widgets = [i for i in nonempty if i > body_ends[-1] and i in reason]
        for i in kept:
            if widgets and i > widgets[0] and i not in continues and not ends_sentence(lines[i]) \
                    and len(lines[i].split()) <= 8 and not is_table_row(lines[i]):
                reason[i] = "boilerplate: page tail"

    # Source and copyright lines name the outlet, at the head or the foot only (a "Source:"
    # under a chart in the body names the chart's source, not the publisher).
    foot = set(nonempty[-5:]) | {i for i in nonempty if body_ends and i > body_ends[-1]}
    for i in nonempty:
        if i in continues or (i in reason and not reason[i].startswith("boilerplate")):
            continue
        if i in head or i in foot or reason.get(i) == "boilerplate: copyright":
            outlet = meta.parse_outlet_line(lines[i])
            if outlet:
                reason[i] = "source line"
                out.outlet = out.outlet or outlet

    # A masthead alone in the foot, between widgets ("The Harbour Gazette" under the comment
    # box), names the outlet when no source line does; linked headlines come in lists instead.
    order = {i: n for n, i in enumerate(nonempty)}
    for i in nonempty:
        if out.outlet or reason.get(i) != "boilerplate: page tail":
            continue
        n = order[i]
        neighbours = nonempty[max(0, n - 1): n] + nonempty[n + 1: n + 2]
        name = meta.masthead_name(lines[i])
        if name and neighbours and all(reason.get(j, "").startswith("boilerplate") and
                                       reason[j] != "boilerplate: page tail" for j in neighbours):
            reason[i] = "source line"
            out.outlet = name

    out.removed = [Removed(text=lines[i], reason=reason[i]) for i in sorted(reason)]
    out.text = _rebuild(lines, reason, continues)
    return out


def _is_bare_label(line: str) -> bool:
    """"Related", "Most read:", "Trending now": a label over a list, with no link of its own."""
    return len(line.split()) <= 3 or line.rstrip().endswith(":")


def _bare_name_bylines(lines: list[str], head: list[int], reason: dict[int, str]) -> list[tuple[int, str]]:
    """A name alone on a line next to the dateline ("Jane Doe" / "March 3, 2024") is a byline."""
    for n, i in enumerate(head):
        if i in reason or not 2 <= len(lines[i].split()) <= 4 or ends_sentence(lines[i]):
            continue
        neighbours = head[max(0, n - 1): n] + head[n + 1: n + 2]
        if not any(reason.get(j) == "dateline" for j in neighbours):
            continue
        name = meta.person_name(lines[i])
        if name:
            reason[i] = "byline"
            return [(i, name)]
    return []


_NOT_HEADLINE_CHROME = ("navigation", "cookies", "advertisement", "social buttons", "comments", "contact prompt")
_PAGE_VERB = re.compile(r"^(?:subscribe|sign|click|tap|log|register|follow|like|join|skip|read|watch|listen|see|get|"
                        r"share (?:this|on|via)|support|donate|buy|please)\b", re.I)


def _headline_despite_chrome(line: str, cfg: CleanConfig) -> bool:
    """A headline may use a chrome word ("Share boost for ...", "... wins copyright ruling");
    page furniture is shorter, talks to the reader, or orders them about."""
    why = chrome_reason(line, cfg.min_sentence_chars) or ""
    return (meta.title_like(line, cfg.min_sentence_chars) and len(line.split()) >= 4
            and not _READER.search(line) and not re.search(r"\b(?:our|us)\b", line, re.I)
            and not has_contact(line) and not _is_breadcrumb(line) and not _PAGE_VERB.match(line)
            and not any(why.endswith(c) for c in _NOT_HEADLINE_CHROME) and len(set(chrome_hits(line))) <= 1)


def _find_title(lines: list[str], head: list[int], reason: dict[int, str], cfg: CleanConfig,
                known_title: Optional[str], out: CleanedText) -> None:
    """The first headline-like line at the head; a section label glued to it is dropped."""
    open_head = [i for i in head if i not in reason or (reason[i].startswith("boilerplate") and (
        known_title or _headline_despite_chrome(lines[i], cfg)))]
    if known_title:
        out.title = known_title
        want = _loose_key(known_title)
        for n, i in enumerate(open_head):
            nxt = open_head[n + 1] if n + 1 < len(open_head) else None
            clean = meta.split_glued_label(lines[i], lines[nxt] if nxt is not None else None)
            if clean and _loose_key(clean) == want and nxt is not None:
                reason[i], reason[nxt] = "section label glued to title", "title"
                return
            if _loose_key(lines[i]) == want:
                reason[i] = "title"
                for j in open_head[:n]:  # "Economy" over the headline: the site's section, not the article's
                    if is_section_label(lines[j]):
                        reason[j] = "section label"
                return
        return
    for n, i in enumerate(open_head):
        nxt = open_head[n + 1] if n + 1 < len(open_head) else None
        if is_section_label(lines[i]) and nxt is not None:
            reason[i] = "section label"
            continue
        clean = meta.split_glued_label(lines[i], lines[nxt] if nxt is not None else None)
        if clean and nxt is not None:
            reason[i], reason[nxt] = "section label glued to title", "title"
            out.title = clean
            return
        if meta.title_like(lines[i], cfg.min_sentence_chars) and any(lines[j] for j in range(i + 1, len(lines))):
            reason[i] = "title"
            out.title = lines[i]
            return
        if len(lines[i].split()) <= 2 and not ends_sentence(lines[i]):
            reason[i] = "navigation"  # a section name or label above the headline
            continue
        return  # the page opens with body text: no headline to report


def _drop_repeats(lines: list[str], nonempty: list[int], reason: dict[int, str], title: Optional[str],
                  full: set[int], exact_repeats: bool = True) -> None:
    """Keep the first copy of a repeated line; a caption repeating the body goes instead of the body's copy.

    Without `exact_repeats` only captions and copies of the headline go; other repeats stay."""
    credits = {i for i, r in reason.items() if r == "photo credit"}
    order = {i: n for n, i in enumerate(nonempty)}

    def by_credit(i: int) -> bool:
        n = order[i]
        neighbours = nonempty[max(0, n - 1): n] + nonempty[n + 1: n + 2]
        return any(j in credits for j in neighbours)

    open_lines = [i for i in nonempty if i not in reason]
    where: dict[str, list[int]] = {}
    for i in open_lines:
        where.setdefault(_key(lines[i]), []).append(i)
    for i in open_lines:
        later = [j for j in where[_key(lines[i])] if j > i and not by_credit(j)]
        if by_credit(i) and later:
            reason[i] = "caption repeats body text"
    title_key = _loose_key(title) if title else None
    seen: set[str] = set()
    for i in open_lines:
        if i in reason:
            continue
        # A loose repeat of the headline (a caption adding a full stop) goes; a full sentence
        # only when it repeats the headline exactly or sits by a photo credit.
        if title_key and _loose_key(lines[i]) == title_key and (
                i not in full or by_credit(i) or _key(lines[i]) == _key(title or "")):
            reason[i] = "repeats the title"
            continue
        k = _key(lines[i])
        if k in seen and exact_repeats:
            reason[i] = "duplicate line"
        seen.add(k)


def _rebuild(lines: list[str], reason: dict[int, str], continues: set[int]) -> str:
    """Kept lines, one paragraph each (a hard-wrapped continuation stays in its paragraph)."""
    paragraphs: list[list[str]] = []
    for i, line in enumerate(lines):
        if not line or i in reason:
            continue
        if i in continues and paragraphs and (i - 1) not in reason:
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return "\n\n".join("\n".join(p) for p in paragraphs)
