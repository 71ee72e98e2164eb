"""Features of one line of a scraped page, and whether it is page chrome.

A line is judged by features, never by matching known strings: its length, whether it ends
like a sentence, how much of it is the vocabulary of page chrome (share, subscribe, follow us,
comments, related, trending, cookies ...), the imperative prompts pages address to readers,
contact details, photo credits, section labels and breadcrumbs. Where a line sits on the page
and what it repeats are judged in lines.py.
"""
from __future__ import annotations

import re
from typing import Optional

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
     r"|^(?:tags?|topics?|filed under|categories|category|keywords)\s*(?::|$)"
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
    ("reprints", ("reprint", "non-commercial use"),
     r"\b(?:order|buy|request|purchase) reprints?\b|^reprints?(?: (?:&|and) permissions)?\W*$"
     r"|\bfor (?:your )?personal,? non-commercial use only\b"),
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
READER = re.compile(r"\byou(?:r)?\b", re.I)
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


# How long the short lines of page furniture run, in words.
CREDIT_LABEL_WORDS = 20    # a labelled credit ("Photo: X", "Images source: X, Y and Z")
CREDIT_AGENCY_WORDS = 10   # a line naming a picture agency, ending no sentence, is its credit up to this length
SECTION_LABEL_WORDS = 3    # a section's name ("World News", "Middle East")
CRUMB_WORDS = 3            # one segment of a breadcrumb ("Home › World › Europe")


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
    if _CREDIT_LABEL.match(line) and len(line.split()) <= CREDIT_LABEL_WORDS:
        return True
    return len(line.split()) <= CREDIT_AGENCY_WORDS and not ends_sentence(line) and bool(_CREDIT_AGENCY.search(line))


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
    return 0 < len(words) <= SECTION_LABEL_WORDS and not ends_sentence(line) and all(w in _SECTION_WORDS for w in words)


def is_table_row(line: str) -> bool:
    """"| Pos | Player | Points |": a row of a table the article prints (extractors write tables so)."""
    line = line.strip()
    return len(line) > 2 and line[0] == "|" and line[-1] == "|"


def is_breadcrumb(line: str) -> bool:
    """"Home › World › Europe": short segments joined by path separators."""
    segments = [s for s in _BREADCRUMB_SEP.split(line) if s]
    seps = _BREADCRUMB_SEP.findall(line)
    if len(segments) < 2 or ends_sentence(line):
        return False
    if any(len(s.split()) > CRUMB_WORDS for s in segments):
        return False
    return len(seps) >= 2 or any(s.strip() in ("›", "»", ">") for s in seps)


# Limits of chrome_reason, each a property of how pages talk to their readers.
SENTENCE_WORDS = 25        # a line longer than this (in words) is weighed as a sentence, however it ends
PROMPT_WORDS = 40          # prompts are short: a longer paragraph is chrome only when its chrome words are dense
LONG_CHROME_DENSITY = 0.08  # ... at least this share of its words naming distinct chrome reasons
READER_DENSITY = 0.1       # a sentence to the reader ("you") with two chrome reasons, this dense, is a prompt
DENSE_REASONS = 3          # this many distinct chrome reasons in one sentence are chrome whatever else it says
DENSE_DENSITY = 0.15       # ... or two of them at this share of its words
CONTACT_WORDS = 3          # contact details with at most this many other words are a contact line


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
    if holds_sentence(text, min_sentence_chars) or len(words) > SENTENCE_WORDS:
        # Words inside quotation marks are someone's speech, not the page talking to its reader.
        own = _QUOTED.sub(" ", text)
        hits = chrome_hits(own)
        low = own.lower()
        click = ("click" in low or "tap" in low) and bool(_CLICK_PROMPT.search(own))
        if not (hits or prompt or click):
            return None  # most body text: no chrome word, no prompt, nothing more to weigh
        if "reprints" in hits:  # a licensing notice says nothing else, however long it runs
            return "boilerplate: reprints"
        page_ref = bool(_PAGE_REF.search(own))
        reader = bool(READER.search(own))
        density = len(set(hits)) / len(words)
        strong = (prompt and (hits or page_ref or has_contact(text))) or click or \
                 (reader and hits and (page_ref or (len(set(hits)) >= 2 and density >= READER_DENSITY)))
        dense = len(set(hits)) >= DENSE_REASONS or (len(set(hits)) >= 2 and density >= DENSE_DENSITY)
        # Prompts are short; a long paragraph with a chrome word or two is about those things.
        if (strong or dense) and (len(words) <= PROMPT_WORDS or density >= LONG_CHROME_DENSITY):
            return "boilerplate: " + (hits[0] if hits else "reader prompt")
        return None
    hits = chrome_hits(probe)
    if hits:
        return "boilerplate: " + hits[0]
    if prompt:
        return "boilerplate: reader prompt"
    if has_contact(text) and len(_CONTACT.sub("", text).split()) <= CONTACT_WORDS:
        return "contact details"
    if is_breadcrumb(text) and not is_table_row(text):
        return "navigation"
    return None
