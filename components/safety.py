"""Distress detection: runs on every message, never depends on the intent classifier.

`assess(text)` returns None, or the kind of help needed:
- "suicide": suicidal thoughts, wish to die or disappear, hopelessness about living, plans or
  means, self-harm (also about a friend: the same help lines apply);
- "violence": physical, partner or family violence, sexual harassment or assault, threats,
  being followed or controlled, being in danger.

Pure Python, fast (a few dozen regular expressions on at most 5,000 characters), no model.

How it works, in three steps:
1. `normalise()`: lower case, accents and invisible characters removed, apostrophe and dash
   variants unified, letters repeated 3+ times folded to two ("mouriiir" -> "mouriir").
2. `canonical()`: one token per word, written the same way whatever the spelling: French elisions
   split ("j'ai" -> "je ai", "m'a" -> "me a"), SMS forms expanded ("jveux", "chui", "g envie",
   "jpp", "wanna", "kms", "im", "dont"), and typos of the key words corrected ("sucide",
   "suicde", "mourrir", "myslef", "harcele"), by folded spelling or one edit away.
3. Pattern families per category, on the canonical text, after idioms and hyperbole are
   neutralised ("mort de rire", "dying to", "killing it", "en finir avec ce rapport", "beat me at
   chess"). Nouns alone ("harcèlement", "violences conjugales", "viol", "bizutage") count only
   with a personal marker ("je subis", "victim of", "chez moi") and never in a question about a
   service or a policy, or a school essay. A personal statement is caught when in doubt.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Dict, Iterable, List, Optional, Pattern, Tuple

MAX_CHARS = 5000  # a chat message; longer input is cut (keeps every call fast)

# --------------------------------------------------------------------------------------------
# 1. Normalisation
# --------------------------------------------------------------------------------------------

_APOSTROPHES = dict.fromkeys(map(ord, "\u2019\u2018\u02bc\u00b4`\u2032\uff07\u02bb\u201b"), "'")
_DASHES = dict.fromkeys(map(ord, "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212_"), " ")
_LIGATURES = {"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l", "đ": "d"}
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def normalise(text: str) -> str:
    """Lower case, no accents, one apostrophe, no dashes, letters repeated 3+ times folded to 2.

    "J’VEUX MOURIIIR" -> "j'veux mouriir"; "self-harm" -> "self harm".
    """
    text = unicodedata.normalize("NFKC", text).lower()
    text = "".join(_LIGATURES.get(c, c) for c in text)
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub(" ", text)
    text = text.translate(_APOSTROPHES).translate(_DASHES)
    text = re.sub(r"([a-z])\1{2,}", r"\1\1", text)
    text = re.sub(r"([^a-z0-9\s])\1+", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


# --------------------------------------------------------------------------------------------
# 2. Canonical tokens
# --------------------------------------------------------------------------------------------

# Whole-token rewrites: SMS French, informal English, contractions written without apostrophe.
_TOKEN_MAP: Dict[str, str] = {
    # French SMS
    "jveux": "je veux", "jveu": "je veux", "jvx": "je veux", "jve": "je veux", "jvoudrais":
    "je voudrais", "jvais": "je vais", "jvai": "je vais", "jsuis": "je suis", "jsui": "je suis",
    "jss": "je suis", "chui": "je suis", "chuis": "je suis", "chu": "je suis", "jsuiss": "je suis",
    "jpp": "je en peux plus", "jpeux": "je peux", "jpeu": "je peux", "jai": "je ai", "jme":
    "je me", "jmen": "je me en", "jen": "je en", "jsp": "je sais pas", "jcrois": "je crois",
    "jpense": "je pense", "jfais": "je fais", "jmerite": "je merite", "jsais": "je sais",
    "jaimerais": "je aimerais", "jvoulais": "je voulais", "jreve": "je reve",
    "g": "je ai", "ct": "ce etait", "cest": "ce est", "c": "ce est", "pa": "pas", "plu": "plus",
    "ki": "qui", "ke": "que", "koi": "quoi", "kan": "quand", "qd": "quand", "tt": "tout", "tte":
    "toute", "ttes": "toutes", "tjrs": "toujours", "tjs": "toujours", "toujour": "toujours",
    "jamai": "jamais", "bcp": "beaucoup", "tlm": "tout le monde", "pk": "pourquoi", "pq":
    "pourquoi", "pcq": "parce que", "qqn": "quelqu'un", "qqun": "quelqu'un", "quelquun":
    "quelqu'un", "kelkun": "quelqu'un", "mm": "meme", "auj": "aujourd'hui", "ajd":
    "aujourd'hui", "vx": "veux", "veu": "veux", "ve": "veux", "mwa": "moi", "moa": "moi",
    "medoc": "medocs", "ya": "il y a", "yen": "il y en", "mtn": "maintenant", "envi": "envie",
    "anvie": "envie", "envis": "envie", "pu": "plus", "jvien": "je viens", "jten": "je te en",
    "jle": "je le", "jla": "je la", "jlui": "je lui", "jte": "je te", "jy": "je y",
    "ptdr": "mdr", "xptdr": "mdr",
    # English
    "im": "i am", "ima": "i am going to", "imma": "i am going to", "ive": "i have", "id": "i would",
    "dont": "do not", "cant": "can not", "cannot": "can not", "wont": "will not", "didnt":
    "did not", "doesnt": "does not", "isnt": "is not", "wasnt": "was not", "arent": "are not",
    "aint": "am not", "couldnt": "could not", "wouldnt": "would not", "shouldnt": "should not",
    "havent": "have not", "hasnt": "has not", "youre": "you are", "theyre": "they are",
    "theyd": "they would", "hed": "he would", "shed": "she would", "thats": "that is",
    "whats": "what is", "theres": "there is", "hes": "he is", "shes": "she is", "noone":
    "no one", "nobodys": "nobody is", "wanna": "want to", "wana": "want to", "wannna":
    "want to", "gonna": "going to", "gona": "going to", "gotta": "got to", "kms": "kill myself",
    "kmyself": "kill myself", "u": "you", "ur": "your", "urself": "yourself", "ppl": "people",
    "pls": "please", "plz": "please", "bc": "because", "cuz": "because", "coz": "because",
    "rn": "right now", "tonite": "tonight", "2nite": "tonight", "bf": "boyfriend", "gf":
    "girlfriend", "hubby": "husband", "bro": "brother", "sis": "sister", "lmao": "lol",
    "lmfao": "lol", "rofl": "lol", "unalive": "kill", "unaliving": "killing", "sewerslide":
    "suicide", "selfharm": "self harm", "selfharming": "self harming", "wnat": "want",
    "wnt": "want", "watn": "want", "wamt": "want", "whant": "want", "dye": "die",
    "myslef": "myself", "mysefl": "myself", "myselff": "myself", "meself": "myself",
    "mysel": "myself", "myslf": "myself", "mysef": "myself", "mself": "myself",
}

# English contractions: "i'm" -> "i am", "don't" -> "do not", "someone's" -> "someone is".
_EN_SUFFIXES = {"m": "am", "re": "are", "ve": "have", "ll": "will", "d": "would", "s": "is"}
_EN_NEGATIONS = {"won't": "will not", "can't": "can not", "ain't": "am not", "shan't": "shall not"}
# French elisions: "j'ai" -> "je ai", "qu'il" -> "que il", "jusqu'a" -> "jusque a".
_FR_ELISIONS = {"j": "je", "m": "me", "t": "te", "l": "le", "d": "de", "n": "ne", "s": "se",
                "c": "ce", "qu": "que", "jusqu": "jusque", "lorsqu": "lorsque", "puisqu":
                "puisque", "presqu": "presque", "quoiqu": "quoique"}
_KEEP_WITH_APOSTROPHE = {"quelqu'un", "quelqu'une", "aujourd'hui", "prud'hommes", "o'clock"}

# Key words, corrected when misspelled: by the folded spelling (double letters made single:
# "mourrir", "frape", "kil"), and the long, distinctive ones also when one edit away ("mouri",
# "disparaite", "harcelemnt"). Words one edit away from a common word are not corrected that
# way ("courir" is one edit from "mourir", "talking" from "stalking", "caches" from "cachets").
_KEYWORDS = """
suicide suicider suicidaire suicidaires suicidal mourir mourrai disparaitre disparaisse
disappear harceler harcele harcelee harceles harcelees harcelent harcelement harcelements
harass harassed harassing harassment harasses myself scarifier scarifie scarifiee
scarification scarifications mutiler mutile automutilation agresser agresse agressee agression
agressions tabasser tabasse tabassee attouchements attouchement overdose sexuellement sexually
assaulted assault medicaments somniferes kill killed killing die dead crever pendre frapper
frappe frappee battre battu battue violee violer raped rape stalking stalker threatened
threatening threatens menace menacee menaces menacer medocs cachets pilules comprimes pills
tablets veines poignets sexuel sexuelle sexuelles abusive abusing abused violent violente
violences violence danger securite adieu
""".split()
_FOLDED: Dict[str, str] = {}
for _keyword in _KEYWORDS:
    _FOLDED.setdefault(re.sub(r"(.)\1", r"\1", _keyword), _keyword)
_FUZZY = """
mourir disparaitre disappear harceler harcele harcelee harcelement harassed harassing
harassment myself scarifier scarifie scarification automutilation attouchements overdose
sexuellement assaulted threatened threatening agression tabasser medicaments somniferes
""".split()
_NOT_TYPOS = set("""
courir nourir nourrir murir mourut sourir sourire pourir pourrir mouris mourait mourais
adresse adresser adressee adresses talking stalling stacking himself herself disparaitra
selfie suicides dancer manger ranger
""".split())
# Suicide, however it is spelled: sucide, suicde, suiside, suisside, suicid, sucidaire...
_SUICIDE_TYPO = re.compile(r"^su[iy]?[sc]{1,2}[iy]?d(e|er|es|ee|ai?re?s?|al|ally|ing|ed)?$")


def _one_edit(a: str, b: str) -> bool:
    """True when a and b differ by one insertion, deletion, substitution or transposition."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:]


def _correct(token: str) -> str:
    if token in _KEYWORDS or token in _NOT_TYPOS or len(token) < 3:
        return token
    if _SUICIDE_TYPO.match(token) and token not in {"suede", "sucede"}:
        return ("suicidaire" if "air" in token else "suicidal" if token.endswith("al") else
                "suicider" if token.endswith("er") else "suicide")
    folded = re.sub(r"(.)\1", r"\1", token)
    if folded in _FOLDED:
        return _FOLDED[folded]
    if len(token) >= 5:
        for keyword in _FUZZY:
            if _one_edit(token, keyword):
                return keyword
    return token


_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*'?|'|[^\sa-z0-9']")
_VOWEL_START = re.compile(r"^[aeiouyh]")
_EN_SUBJECTS = {"i", "you", "he", "she", "we", "they", "it", "that", "there", "who", "what",
                "someone", "somebody", "everyone", "everybody", "nobody", "no one", "life",
                "everything", "nothing", "one", "this", "here", "where", "how", "let"}


def _expand(token: str) -> List[str]:
    if token in _KEEP_WITH_APOSTROPHE:
        return [token]
    if token in _EN_NEGATIONS:
        return _EN_NEGATIONS[token].split()
    if "'" in token:
        head, _, tail = token.partition("'")
        if tail == "t" and head.endswith("n"):                     # don't, isn't, didn't
            return _expand(head[:-1]) + ["not"]
        if head in _FR_ELISIONS and tail and (len(head) > 1 or head in "jmcnl"
                                              or tail not in _EN_SUFFIXES):
            return [_FR_ELISIONS[head]] + _expand(tail)         # j'ai, m'a, qu'il, j'veux
        if tail in _EN_SUFFIXES and head:
            if tail == "s" and head not in _EN_SUBJECTS and not head.endswith("one") \
                    and not head.endswith("body"):
                return _expand(head)                            # possessive: dad's -> dad
            return _expand(head) + [_EN_SUFFIXES[tail]]
        if head in _FR_ELISIONS and not tail:
            return [_FR_ELISIONS[head]]
        return [t for part in token.split("'") if part for t in _expand(part)]
    if token in _TOKEN_MAP:
        return _TOKEN_MAP[token].split()
    # "jveux", "jme", "jpense": j + consonant is never a word start in French or English.
    if len(token) > 2 and token[0] == "j" and token[1] in "bcdfghjklmnpqrstvwxz" \
            and token not in {"jpg", "jpeg", "js", "json", "jdd", "jk"}:
        return ["je"] + _expand(token[1:])
    return [_correct(token)]


def canonical(text: str) -> str:
    """Normalised text rewritten as canonical tokens separated by single spaces.

    "Jveux mourrir" -> "je veux mourir"; "I'm gonna kms" -> "i am going to kill myself".
    """
    tokens: List[str] = []
    raw = _TOKEN.findall(normalise(text))
    for i, token in enumerate(raw):
        if token == "'":
            continue
        # "j ai", "m a", "l air": an elided letter written without its apostrophe.
        if token in {"j", "m", "n", "l", "s", "t", "d"} and i + 1 < len(raw) \
                and _VOWEL_START.match(raw[i + 1]):
            tokens.append(_FR_ELISIONS[token])
            continue
        tokens.extend(_expand(token))
    text = " ".join(tokens)
    # "my self", "kill ur self" -> "myself", "yourself"
    return re.sub(r"\b(my|him|her|your|them|it|our) (self|selves)\b", r"\1\2", text)


# --------------------------------------------------------------------------------------------
# 3. Patterns
# --------------------------------------------------------------------------------------------


# Marks a pattern that matches a bare noun ("harcelement", "violences conjugales"): it counts
# only with a personal marker, and not as a topic (see _topic_only).
NOUN = "(?#noun)"
# Marks a pattern that counts unless the message is a topic ("numero de prevention du suicide").
TOPIC = "(?#topic)"
# Marks a pattern about someone else ("she wants to kill herself"): it counts unless it is about
# fiction or a school work ("the movie is about a man who wants to kill himself").
THIRD = "(?#third)"


def _words(n: int) -> str:
    """Up to n words of the same sentence."""
    return rf"(?:[^\s.!?;]+ ){{0,{n}}}"


def _gap(n: int) -> str:
    """Up to n words of the same clause (not across "que", "that", "if", "but"...)."""
    return (r"(?:(?!(?:que|qui|quand|si|mais|parce|car|lorsque|that|if|when|but|because|"
            rf"which|who)\b)[^\s.!?;,]+ ){{0,{n}}}")


def _alt(words: str) -> str:
    """A group of alternatives, longest first (split on the top-level "|" only)."""
    parts, depth, start = [], 0, 0
    for i, c in enumerate(words):
        depth += c == "("
        depth -= c == ")"
        if c == "|" and depth == 0:
            parts.append(words[start:i])
            start = i + 1
    parts.append(words[start:])
    return "(?:" + "|".join(sorted(parts, key=len, reverse=True)) + ")"


# Idioms and hyperbole, removed before matching: "mort de rire", "dying to go", "killing it".
IDIOMS = [
    # French
    r"(?:mort|morte|morts|mourir|meurs|meurt|mourais|mourrai|mourant|creve|crever|crevee|"
    r"crevent) (?:de |d )?(?:rire|faim|chaud|froid|soif|envie|ennui|fatigue|honte|trouille|"
    r"impatience|peur|jalousie|curiosite|sommeil|chaleur|le rire)\b",
    # "un froid a mourir", "beau a mourir", "s'ennuyer a mourir" (not "je pense a mourir")
    r"\b(?:froid|chaud|chaleur|beaux?|belles?|ennuyeux|ennuyeuses?|tristes?|betes?|chiants?|"
    r"chiantes?|longs?|longues?|lente?s?|nulle?s?|chere?s?|dure?s?|rire|ennuyer|ennuie|mal|"
    r"faim|soif|pleurer|mignonne?s?|bonne?s?|delicieux|delicieuse|moches?|laide?s?|seule?s?) "
    r"(?:" + _words(1) + r")?a (?:en )?mourir\b(?! de)",
    r"\bplutot (?:mourir|crever)\b", r"\bplutot que de mourir\b",
    r"\bmdr\b|\bmort de rire\b|\bxd\b", r"\bce est (?:la )?mort\b", r"\bmortel(?:le|s)?\b",
    r"\bdisparaitre (?:sous terre|dans un trou|six pieds|quelques|pour (?:le|ce|un|une|la) "
    r"(?:week end|weekend|soir|moment|semaine|journee|nuit)|en vacances|du campus pour)",
    r"\ben finir (?:" + _words(2) + r")?avec (?:ce|cet|cette|ces|le|les|mon|mes|son|ses|un|une|"
    r"la|l|ma|tes|ton|ta|nos|vos|leur|leurs) (?!vie\b|existence\b|souffrance\b|monde\b|jours\b|"
    r"tout\b|douleur\b)",
    r"\b(?:je me|se|te|me) tue(?:r|s)? (?:a la tache|au travail|a force|a le travail|a te le dire|"
    r"a le repeter|a vous le dire|a reviser|a bosser|a travailler)\b",
    r"\bce (?:qui )?me tue\b|\bce a me tue\b|\bca me tue\b|\bcela me tue\b",
    r"\b(?:le|la|les|ce|ces|mon|ma|mes) (?:maths?|partiels?|exams?|examens?|cours|profs?|"
    r"devoirs?|tp|td|projets?|revisions?|deadlines?) (?:vont|va|vont finir par|allaient|me ont|"
    r"me a) (?:me )?tuer\b",
    r"\b(?:ma mere|mon pere|mes parents|ma maman|mon papa|mes darons|ma daronne|mon daron) "
    r"(?:va|vont) me tuer (?:quand|si|lorsque|le jour)\b",
    r"\b(?:battre|bat|bats|battent|battu|battue|battus|battre|beat|beats|beaten|beating) "
    r"(?:me |moi )?(?:a|aux|au|en|at|in) (?:the |a |une |la |le |les )?(?:echecs|chess|cartes|"
    r"cards|jeu|jeux|game|games|belote|tarot|poker|mario|fifa|smash|course|race|sprint|tennis|"
    r"ping|foot|football|basket|badminton|match|partie|tournoi|tournament|pool|darts|quiz|"
    r"trivial|scrabble|monopoly|bras de fer|arm wrestling|videogames?|chess|final)\b",
    r"\bme suis fait (?:battre|massacrer|detruire|laminer|eclater) (?:a|aux|au|en|par)\b",
    r"\bme (?:tape|tapent|tapait) (?:sur les nerfs|sur le systeme|la honte|une barre|un fou rire|"
    r"des barres)\b",
    r"\bme (?:touche|touchent|touchait|a touchee?|ont touchee?) (?:beaucoup|vraiment|enormement|"
    r"profondement|au coeur|droit au coeur|tellement)\b",
    r"\b(?:harcel\w*|harass\w*) (?:me )?(?:pour (?:que je (?:vienne|joue|passe)|venir|aller|jouer|"
    r"reviser)|to (?:come|join|play|go to|study|hang))\b",
    # English
    r"\b(?:dying|died|die|dead|death) (?:of|from) (?:laughter|laughing|boredom|embarrassment|"
    r"shame|cringe|hunger|heat|the heat|thirst|curiosity|cuteness)\b",
    r"\bdying (?:to|for|laughing|inside lol)\b", r"\bto die for\b", r"\bdie for (?:a|an|some|the|"
    r"this|that)\b", r"\bwould (?:rather|sooner) (?:die|be dead)\b", r"\brather die than\b",
    r"\bdead (?:tired|serious|set|end|line|lol|ass)\b", r"\bdeadline\b", r"\bkiller\b",
    r"\bkill(?:ing|ed|s)? (?:it|this|that|the (?:game|presentation|exam|interview|competition)|"
    r"time|some time|the vibe|the mood|the lights|the music|the engine|the process|the bug|"
    r"the boss|them|the final|my presentation)\b",
    r"\b(?:would|could) kill for\b", r"\bkill for (?:a|an|some)\b",
    r"\b(?:is|are|was|were|keeps|been|be) (?:killing|going to kill|gonna kill) me\b",
    r"\b(?:mom|mum|mother|dad|father|parents|mother|teacher|prof|professor|boss) (?:is |are |"
    r"will )?"
    r"(?:going to |gonna )?kill me (?:when|if|for)\b",
    r"\bkill(?:ing)? myself (?:laughing|working|studying|over this|to (?:finish|get|make|pass))\b",
    r"\b(?:not|never|no longer|pas|plus|jamais|non) (?:suicidal|suicidaire|suicidaires)\b",
    r"\bviol (?:de|du|des) (?:la |le |mes |ma |mon |ses )?(?:vie privee|donnees|reglement|"
    r"secret|confidentialite|droit|propriete|copyright|domicile|correspondance|sepulture)\b",
    r"\bmenacee?s? (?:de |d )(?:exclusion|expulsion|renvoi|redoubl\w*|sanctions?|amende|"
    r"poursuites|perdre|rupture|licenciement|fermeture|coupure)\b",
    r"\bthreaten(?:ed|s|ing)? (?:me |us )?(?:with|to) (?:eviction|evict|expulsion|expel|a fine|"
    r"fine|legal action|sue|failing|fail|exclusion|exclude|a bad|a zero|report|call my parents|"
    r"cut|kick me out of the (?:class|course|group|team))\b",
    r"\bme suis battue?s? (?:avec|contre|pour)\b|\bnous sommes battus\b|\bon se est battus\b",
    r"\b(?:harcel\w*|harass\w*|saoule\w*|bother\w*) (?:me )?(?:pour|avec|au sujet de|a "
    r"propos de|about|for|over|with) (?:le |la |les |mon |ma |mes |ses |des |the |my |his |her "
    r")?(?:menage|vaisselle|loyer|courses|factures?|dettes?|argent|devoirs|notes|rapport|"
    r"projet|e?mails?|questions|notifications|pubs?|publicites?|rent|dishes|cleaning|homework|"
    r"money|report|project|emails?|ads|bills?|chores|deadline|survey|sondage)\b",
    r"\bsafe from (?:the )?(?:flu|covid|virus|cold|rain|exams?|deadlines?|spoilers?|this|that|"
    r"it|failing)\b",
    r"\bat risk of (?!suicide|harm|self|violence|being (?:hurt|attacked|killed|abused))",
    r"\b(?:attacked|attaquee?s?|bitten|stung) by (?:the |some |a |an |des |les |un |une )?"
    r"(?:mosquitoes|mosquitos|moustiques|bugs|insects|flies|bees|wasps|guepes|dog|chien|cat|"
    r"chat|bird|seagull|goose|questions|allergies|hay fever|anxiety|panic|a migraine|migraine|"
    r"zombies|enemies|monsters|ennemis|boss)\b|\bpanic attacks?\b|\bheart attack\b|"
    r"\bcrise de (?:panique|angoisse)\b",
    r"\bmenace\w* (?:de |d )(?:me )?(?:mettre|donner|coller) (?:un |une |des )?(?:zero|0|"
    r"mauvaises? notes?|avertissement|retenue|colle|heures de colle|sanction)\b|\bmenace\w* "
    r"(?:de |d )(?:me )?(?:virer|exclure|renvoyer|sortir) (?:du|de la|de le|des) (?:cours|tp|td|"
    r"groupe|projet|equipe|amphi|salle|bibliotheque)\b",
    r"\bsuivie?s? (?:sur|on) (?:insta|instagram|twitter|tiktok|linkedin|snap|snapchat|les "
    r"reseaux|youtube|twitch|facebook|x)\b",
    r"\bin danger of\b", r"\ben danger de (?:rater|perdre|echouer|redoubler)\b",
    r"\b(?:disappear|disparaitre) (?:into|under|in|after|from|out of|sous|dans|apres|de|du|des) "
    r"(?!(?:this|the|ce|le|la) (?:world|earth|planet|monde|terre|surface|planete)\b|"
    r"(?:la )?(?:vie|existence|life)\b|(?:la )?circulation\b|(?:this|cette) (?:vie|life)\b)",
    r"\b(?:you|tu|vous) (?:" + _words(2) + r")?(?:harass\w*|harcel\w*|spam\w*)",
    r"\b(?:feel|feeling|felt|sens) (?:unsafe|pas en securite) (?:about|avec|with|pour) "
    r"(?:my|mes|mon|ma|the|les|le|la) (?:grades?|notes?|results?|resultats?|exams?|examens?|"
    r"future|avenir|job|stage|internship)\b",
    r"\bdisappear (?:for (?:the|a|this|one|two|an?|some) (?:weekend|week|day|days|while|bit|"
    r"hour|hours|night|month|semester|few \w+|couple of \w+)|on (?:holiday|vacation)|into "
    r"(?:my room|the library|thin air))",
    r"\bbeat me (?:to it|by)\b", r"\bhit me (?:up|back|with (?:the|a|an|your|some|that))\b",
    r"\b(?:touched|touches|touch) me (?:deeply|so much|a lot|profoundly|with (?:his|her|their|"
    r"the) (?:words|speech|story|talk))\b",
    r"\bfollow(?:ed|s|ing)? (?:me )?(?:on|by) (?:instagram|insta|twitter|tiktok|linkedin|x|"
    r"github|youtube|twitch|snap|snapchat|social media|a lot of people|many people|lots of "
    r"people|\d+ people)\b", r"\bfollowers?\b",
    r"\bsuicide (?:squad|mission|run|runs|sprint|sprints|door|doors|social|commercial|"
    r"professionnel|academique)\b",
    r"\b(?:career|social|academic|political|commercial) suicide\b",
    r"\b(?:ce est|ce etait|ce serait|it is|it was|that is|that would be|would be|is) (?:du |un |a |"
    r"pure |total |complete |literal )?suicide (?:de|to|d|se|que)\b|\b(?:ce est|ce etait|"
    r"ce serait|ca serait|ca sera|ce sera) (?:du |un )?(?:vrai |pur |total )?suicide\b",
    r"\b(?:meurtre|murder) (?:mystery|party)\b",
]

# Framings that make a noun ("harcelement", "suicide") a topic rather than a personal statement:
# a question about a service or a policy ("numero de prevention du suicide ?"), or school work
# and fiction ("un expose sur les violences conjugales", "a movie about a man who kills himself").
SERVICE = re.compile(r"\b(?:" + "|".join([
    r"politique", r"policy", r"policies", r"charte", r"reglement", r"referente?", r"cellule",
    r"dispositif", r"procedure", r"signaler", r"signalement", r"report", r"reporting",
    r"numero", r"number", r"hotline", r"ligne d ecoute", r"psychologue", r"psychologist",
    r"infirmerie", r"infirmary", r"interdit", r"allowed", r"autorise", r"puni", r"punished",
    r"illegal", r"sanctions?", r"loi", r"law", r"prevention", r"3114", r"3919", r"formation",
    r"training", r"sensibilisation", r"awareness", r"campagne", r"campaign", r"conference",
]) + r")\b")
FICTION = re.compile(r"\b(?:film|movie|livre|book|roman|novel|serie|series|personnage|character|"
                     r"episode|chanson|song|poeme|poem|piece de theatre|play|manga|anime|comic|"
                     r"bd|expose|essay|memoire|these|thesis|dissertation|documentaire|"
                     r"documentary|scene|fiction|story|histoire de|intrigue|plot|hero|heros|"
                     r"heroine|acteur|actor|actrice|actress|jeux? video|video games?|cours de|"
                     r"course on|class on|sujet|topic|article|statistiques?|statistics|research|"
                     r"recherche|debat|debate|sociologie|sociology|exercice|quiz)s?\b")
# Personal markers: a noun alone counts only with one. The strong ones (a first-person
# experience) count even in a question about a service ("je subis du harcelement, comment le
# signaler ?").
STRONG_PERSONAL = re.compile(r"\b(?:" + "|".join([
    r"je (?:ne )?(?:subis|ai subi|subissais|vis|ai vecu|suis victime|ai ete victime|endure|"
    r"souffre)", r"je vis avec", r"i live with", r"i am living with",
    r"i (?:am|was|have been) (?:a )?(?:victim|survivor|experiencing|going through|suffering)",
    r"i (?:experience|suffer|endure|went through|am going through|have experienced)",
    r"chez moi", r"at home", r"a la maison", r"dans mon couple", r"in my (?:relationship|family|"
    r"home|house|flat|apartment|dorm)", r"me arrive", r"happening to me", r"happened to me",
    r"me est arrive", r"mon (?:copain|conjoint|mari|pere|ex|compagnon|beau pere|frere|coloc)",
    r"ma (?:copine|conjointe|femme|mere|compagne|belle mere|soeur|coloc)",
    r"my (?:boyfriend|girlfriend|partner|husband|wife|dad|father|mother|mom|ex|stepfather|"
    r"stepdad|brother|roommate)",
]) + r")\b")
PERSONAL = re.compile(r"\b(?:" + "|".join([
    r"subi\w*", r"victime", r"victimes", r"victim", r"survivor", r"survivante?",
    r"de la part de", r"par mon", r"par ma", r"by my", r"from my",
]) + r")\b")


# Shared vocabulary -------------------------------------------------------------------------

_DESIRE_FR = _alt(
    "veux|veut|voudrais|voulais|aimerais|souhaite|souhaiterais|reve de|revais de|ai envie de|"
    "avais envie de|ai bien envie de|ai juste envie de|envie de|besoin de|ai besoin de|pense a|"
    "pensais a|pense serieusement a|pense souvent a|songe a|envisage de|compte|vais|vas|"
    "prefere|prefererais|devrais|merite de|ai peur de|tentation de|tente de|essaye de|essaie de|"
    "ai essaye de|ai tente de|ai decide de|decide de|suis pret a|suis prete a|prevois de|"
    "prepare a|cherche a|cherche comment|comment|moyen de|facon de|idee de|idees de|"
    "pensees de|veux juste|voudrais juste|aimerais juste|veux vraiment|pourrais|hate de|"
    "sur le point de|vais finir par|finir par|dois|faut que je|ai envie que|rien que|"
    "a deux doigts de|pres de|proche de|au bord de|tente de|tentee? de|pret a|prete a|"
    "pense|pensais|songe|songeais|reve|revais|envie|obsedee? par|hante par")
_DESIRE_EN = _alt(
    "want to|wanted to|would like to|wish i could|wish to|plan to|planning to|"
    "planned to|thinking about|thinking of|think about|thought about|thought of|thoughts of|"
    "thoughts about|considering|contemplating|deserve to|tempted to|"
    "urge to|urges to|feel like|felt like|tried to|trying to|try to|attempted to|"
    "decided to|want to just|just want to|how to|how can i|"
    "how do i|ways to|way to|best way to|easiest way to|painless way to|"
    "wish i would|hope i|hoping to|dream of|dreaming of|fantasize about|"
    "fantasizing about|obsessed with|cannot stop thinking about|keep thinking about|"
    "keep thinking of|can not stop thinking about|scared i will|afraid i will|afraid i might|"
    # modal verbs count only with "i" as their subject ("my phone will die" is no wish)
    r"(?:(?<=\bi )|(?<=\bi am )|(?<=\bi really )|(?<=\bi just )|(?<=\bi think i )|"
    r"(?<=\bi will )|(?<=\bi might )|(?<=\bi probably )|(?<=\bi honestly )|(?<=^)|"
    r"(?<=[.!?,] ))(?:going to|going to just|ready to|need to|should|might|will|about to|"
    r"rather|have to|must|could just|may)")
_PILLS = _alt(
    "medicaments|medicament|medocs|cachets|cachet|pilules|pilule|comprimes|gelules|somniferes|"
    "anxiolytiques|antidepresseurs|doliprane|paracetamol|xanax|lexomil|pills|pill|meds|"
    "medication|medications|tablets|sleeping pills|painkillers|tylenol|ibuprofen|insulin|"
    "insuline|antidepressants|benzos|prescription")
_DIE_FR = _alt(
    "mourir|crever(?! de)|creve(?! de)|disparaitre|en finir|passer a le acte|me tuer|"
    "me suicider|me foutre en le air|me pendre|me donner la mort|me faire mal(?! (?:au|a la|aux|"
    "en))|mettre un terme a (?:ma vie|mes jours|mon existence|tout)|"
    "me flinguer|me buter|me tirer une balle|me jeter|me noyer|me laisser mourir|"
    "ne plus (?:etre la|exister|vivre|me reveiller)|plus (?:vivre|exister)|"
    "mettre fin a (?:mes jours|ma vie|tout|mon existence|mes souffrances)|partir pour toujours|"
    "partir pour de bon|partir de ce monde|quitter ce monde|quitter la vie|quitter cette vie|"
    "dormir pour toujours|me endormir pour toujours|etre morte?|que tout se arrete|"
    "ne jamais me reveiller|en terminer|tout arreter definitivement|tout arreter pour de bon|"
    "me ouvrir les veines|avaler (?:tous|toutes|tout)|faire une betise|faire une connerie|"
    "faire une grosse betise|sauter (?:du|de le|de la|par la|d un|d une|de un|de une|dans le "
    "vide|sous)|me faire du mal|me scarifier|me mutiler|me couper|me bruler|me blesser")
_DIE_EN = _alt(
    "die|be dead|kill myself|end it all|end my life|end my own life|end it|end things|"
    "end everything|take my life|take my own life|commit suicide|not be alive|not be here|"
    "not exist|stop existing|stop living|stop breathing|disappear|be gone|hang myself|"
    "jump off|jump from|jump in front|throw myself|overdose|od|slit my wrists|cut my wrists|"
    "shoot myself|leave this world|sleep forever|never wake up|not wake up|drown myself|"
    "off myself|hurt myself|harm myself|cut myself|burn myself|starve myself|unalive myself|"
    "not live anymore|not be around(?! (?:next|this|on|tomorrow|today|tonight|at|for the|"
    "during|until|in (?:class|the)|from|when))|give up on life|let myself die|swallow all|"
    "take all my|"
    "take all of my|take all the|take a whole|take the whole|take every|"
    "dying|killing myself|ending it|ending it all|ending things|ending my life|disappearing|"
    "jumping off|jumping in front|hanging myself|overdosing|taking my life|taking my own life|"
    "not waking up|never waking up|not being here|not being alive|not existing|"
    "do something stupid|do something dumb|do something drastic|go through with it")

_PERSON_NOUN = _alt(
    "copain|copine|mec|meuf|petit ami|petite amie|conjoint|conjointe|compagnon|compagne|mari|"
    "femme|epoux|epouse|ex|pere|mere|papa|maman|daron|daronne|beau pere|belle mere|frere|soeur|"
    "demi frere|oncle|tante|cousin|cousine|grand pere|prof|professeur|professeure|enseignant|"
    "enseignante|tuteur|tutrice|maitre de stage|maitresse de stage|maitre de apprentissage|"
    "encadrant|encadrante|responsable|responsable de stage|chef|patron|patronne|manager|"
    "superviseur|directeur|directrice|collegue|coloc|colocataire|colocs|voisin|voisine|proprio|"
    "proprietaire|bailleur|camarade|etudiant|etudiante|eleve|type|gars|homme|inconnu|inconnue|"
    "individu|mecs|types|hommes|gens|personne|parrain|marraine|anciens|ancien|inconnus|"
    "beau frere|chef de stage|tuteur de stage|jury|moniteur|coach|entraineur|medecin|docteur|"
    "boyfriend|girlfriend|partner|husband|wife|dad|father|mom|mum|mother|stepdad|stepfather|"
    "stepmom|stepmother|brother|sister|uncle|aunt|teacher|professor|tutor|supervisor|boss|"
    "manager|head|roommate|flatmate|housemate|neighbour|neighbor|landlord|classmate|student|"
    "guy|man|men|stranger|colleague|coworker|friend|upperclassman|senior|guys|strangers|"
    "lecturer|instructor|advisor|adviser|mentor|doctor|trainer|driver|family|parents|"
    "stepbrother|cousin|group|people")
_PERSON = (r"(?:il|elle|ils|elles|on|quelqu'un|quelqu'une|he|she|they|someone|somebody|"
           r"(?:(?:mon|ma|mes|son|sa|ses|le|la|les|un|une|des|ce|cet|cette|ces|notre|leur|my|a|"
           r"an|the|his|her|this|that|some|our|their) )(?:" + _words(2) + r")?" + _PERSON_NOUN
           + r"(?: (?:de|of|from|in|at) (?:[^\s.!?;]+ ){0,2}[^\s.!?;]+)?)")
_AUX_EN = (r"(?:(?:keeps|kept|keep|always|often|still|sometimes|has|had|have|just|also|"
           r"constantly|repeatedly|regularly|tried to|tries to|try to|trying to|is|was|were|are|"
           r"has been|have been|had been|been|would|will|did|does|started|starts|began|begins|"
           r"wants to|want to|wanted to|threatened to|threatens to|going to|gonna|then|"
           r"once|even|literally|physically|sexually|again|never stops|would not stop|"
           r"will not stop|did not stop|also) ){0,3}")
_AUX_FR = (r"(?:(?:ne|me|m|te|nous|a|ont|avait|avaient|va|vont|veut|veulent|voulait|essaie de|"
           r"essaye de|a essaye de|continue de|continue a|arrete pas de|arrete jamais de|"
           r"passe son temps a|menace de|toujours|encore|souvent|parfois|tout le temps|"
           r"sans arret|regulierement|deja|aussi|meme) ){0,3}")
_INTENT = _alt(
    "expres|volontairement|delibere|deliberement|pour ressentir|pour sentir|pour me punir|"
    "pour oublier|pour me calmer|pour aller mieux|pour me soulager|pour plus rien ressentir|"
    "pour ne plus rien ressentir|quand ca va pas|quand ca va mal|quand je vais mal|"
    "quand ca va plus|quand je craque|quand je panique|quand je pete un plomb|when i break down|"
    "when i panic|when i lose it|jusque au sang|depuis|encore|a nouveau|de nouveau|tous les soirs|"
    "tous les jours|souvent|avec une lame|avec un rasoir|avec un cutter|avec un compas|"
    "avec des ciseaux|avec une cigarette|avec des cigarettes|avec un briquet|on purpose|"
    "deliberately|intentionally|to feel|to punish|to cope|to forget|to calm|to numb|when things|"
    "when i feel|when i am|when it gets|until i bleed|until it bleeds|again|every night|"
    "every day|for months|for weeks|for years|with a blade|with a razor|with a lighter|"
    "with cigarettes|with a cigarette|with a knife|with scissors|lighter|cigarette|cigarettes|"
    "razor|blade|lame|rasoir")
_BODY = _alt("bras|poignets|poignet|cuisses|cuisse|jambes|veines|hanches|ventre|peau|avant bras|"
             "arms|wrists|wrist|thighs|legs|skin|stomach")

SUICIDE = [
    # Explicit words: suicide, suicidal, kill myself, self-harm, "TS", dark thoughts.
    r"\b(?:me|te|nous|vous) suicider?\b|\bsuicidaires?\b|\bsuicidal\b|"
    r"\b(?:me|te) (?:suis|es|etais|etre) (?:" + _words(1) + r")?suicidee?s?\b",
    r"\bkill(?:ing|ed|s)? (?:myself|ourselves)\b",
    THIRD + r"\bse suicider?\b|\bse (?:est|sont|etait|etre) (?:" + _words(1) + r")?suicidee?s?\b"
    r"|\bkill(?:ing|ed|s)? (?:herself|himself|themselves|themself)\b",
    r"\b(?:une|des|ma|fait|faire|refaire|tentative|tente une) ts\b|\bts (?:avant|l an|il y a)\b",
    r"\bidees? (?:noires|suicidaires|de mort|morbides)\b|\bpensees? (?:noires|suicidaires|"
    r"de mort)\b|\bdark thoughts\b|\bintrusive thoughts about (?:dying|death|killing)\b",
    r"\bself (?:harm|harming|harmed|injury|injuring|mutilation|destruct\w*)\b|\bscarif\w*|"
    r"\b(?:auto ?)?mutil\w*|\bautomutil\w*",
    r"\b(?:me|se) (?:suis |est |sont )?(?:foutue? en le air|foutre en le air|pendre|pendu|"
    r"pendue|flinguer|tirer une balle|jeter (?:sous|devant|du haut|de le haut|par la|dans le "
    r"vide|d un|d une|de un|de une|du)|ouvrir les veines|ouvert les veines|"
    r"taillader|taillade|tailladee|entailler)\b",
    r"\b(?:mettre|mis|mettrai|met) (?:fin|un terme|un point final) a (?:mes|ses|tes|nos|leurs) "
    r"jours\b|\b(?:mettre|mis|mettrai|met) (?:fin|un terme|un point final) a (?:ma|sa|ta) "
    r"(?:vie|existence)\b|\b(?:me|se) donner la mort\b|\ben terminer avec la vie\b",
    r"\b(?:plus|pas|aucun|perdu (?:le|tout)) (?:de )?gout (?:a|de|pour) (?:la vie|vivre|"
    r"exister|ma vie)\b|\b(?:vie|existence) (?:ne )?(?:a )?(?:plus|pas|aucun) (?:de )?gout\b|"
    r"\b(?:plus|pas|aucun|trouve plus de|trouve pas de|vois plus de|vois pas de|vois aucun) "
    r"(?:de )?sens a (?:ma|la|mon|cette) (?:vie|existence)\b|\b(?:no|any|find no|lost all) "
    r"(?:meaning|purpose|point) (?:in|to|of) (?:my |this )?(?:life|living|existence)\b|"
    r"\b(?:my )?life has no (?:meaning|purpose|point)\b",
    r"\b(?:plus|pas|aucune|perdu|perdu la|perdu toute|lost|lost the|lost all|no|losing|"
    r"losing the|lack the|lack|do not have the|no longer have the|plus la|pas la) (?:"
    r"volonte|will|desire|force|courage|energie|energy|envie|motivation|strength) (?:de |to )"
    r"(?:vivre|live|living|continuer|exister|keep living|go on|carry on|rester en vie|stay "
    r"alive)\b",
    r"\b(?:will not|won t|not going to|do not think i will|might not|may not|shall not) be "
    r"(?:around|here|alive|in this world) (?:much longer|for (?:much )?long|anymore|any longer|"
    r"by (?:tomorrow|next week|the end of|then))\b|\bne (?:serai|serais) plus (?:la|en vie|de "
    r"ce monde)\b(?! (?:a partir|des|en (?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|"
    r"septembre|octobre|novembre|decembre|semestre|stage)|pour (?:le|la|les|ce|cette)|au "
    r"(?:cours|semestre|campus|bureau)|a (?:la|le|ales))\b)",
    r"\b(?:fait|faire|refait|refaire|ai fait) (?:une|ma|deux|plusieurs) (?:tentatives?|"
    r"ts)\b(?! (?:de|d|pour|a le|au) )|\b(?:survived|survivor of) (?:a |an |my )?(?:suicide "
    r")?attempt\b",
    r"\b(?:hang|hanging|hanged|drown|drowning|shoot|shooting|starve|starving|off|offing) "
    r"(?:myself|herself|himself|themselves)\b",
    r"\b(?:end|ending|ended|ends|take|taking|took) (?:my|his|her|their|your) (?:own )?life\b",
    r"\b(?:end|ending|ended) (?:it all|everything|things for good|it for good)\b",
    r"\b(?:pense|pensais|pensees?|songe|idees?|envie|tentative|tente|tentation|obsede|obsedee|"
    r"think|thinking|thought|thoughts|considering|contemplating|attempted|attempt|attempts|urge|"
    r"urges|obsessed) (?:" + _words(2) + r")?(?:de |du |au |a le |about |of |at |with )?"
    r"(?:la |le |a )?suicide\b",
    TOPIC + r"\bsuicide\b",
    # Desire to die, disappear, end it, never wake up.
    r"\b" + _DESIRE_FR + " " + _gap(3) + _DIE_FR + r"(?! (?:de|du|d|avec (?!la vie|ma vie|"
    r"cette vie|tout|moi)|si je (?:ne )?(?:ai|mange|bois|dors|rate|dois|trouve|finis|vois|"
    r"passe)|sans (?:mon|ma|mes|cafe|manger)))",
    r"\b" + _DESIRE_EN + " " + _gap(3) + r"(?:just )?" + _DIE_EN + r"\b(?! (?:for|of|laughing|"
    r"inside|down|out|off the|with (?:my|the|this) (?:boyfriend|girlfriend|partner)|if i (?:do "
    r"not|have to|don t|can not) (?:get|eat|sleep|have|find|pass|finish|see|drink)|if (?:this|"
    r"that|the|i fail|i get|my) |without (?:coffee|food|sleep|my)|before (?:the|my|this)))",
    r"\b(?:ending|ended|end) it\b(?= *(?:$|[.!?,;]|tonight|now|today|soon|this|for good|"
    r"forever|once))",
    r"\bje (?:ne )?(?:veux|voudrais|aimerais|souhaite) (?:plus|pas|pas continuer a|plus "
    r"continuer a) (?:vivre|exister|etre en vie|me reveiller|etre la)\b",
    r"\b(?:plus|pas|aucune|perdu|perdu toute|sans) (?:" + _words(2) + r")?envie de (?:vivre|"
    r"exister|continuer|rester en vie|me lever|me reveiller)\b",
    r"\b(?:plus|pas|aucune) la force de (?:continuer|vivre|tenir|me battre|lutter|rester)\b",
    r"\b(?:fatiguee?|lassee?|marre|epuisee?|degoutee?) de (?:vivre|la vie|exister|cette vie|"
    r"ma vie|etre en vie|etre la)\b",
    r"\b(?:peux|supporte|en peux) (?:plus|pas) (?:de )?(?:vivre|exister|cette vie|la vie|ma vie"
    r"|etre en vie)\b",
    r"\bje en (?:ai )?(?:peux plus|ai marre|ai assez|ai ras le bol) de (?:vivre|cette vie|la vie|"
    r"ma vie|exister|tout)\b",
    r"\b(?:do|did|does) not (?:want|wanna|wish) to (?:live|be alive|exist|be here|wake up|"
    r"go on|keep going|keep living|be around)\b(?! (?:the|a|an|with|to|in|at|on|here with))",
    r"\b(?:sick|tired|exhausted|done) (?:of|with) (?:living|life|being alive|existing|"
    r"my life|this life|it all|everything and everyone)\b",
    r"\b(?:can not|could not|unable to) (?:go on|keep going|keep living|carry on|live like "
    r"this|do life|live anymore|bear to live|take living)\b(?! (?:the|a|an|with|to|holiday|"
    r"vacation|trip|erasmus))",
    r"\bwish (?:i|i would|i had) (?:was|were|had|could|be)? ?(?:dead|never been born|not been "
    r"born|never existed|never woken up|not wake up|die|disappear|not exist|was gone|were gone)\b",
    r"\b(?:aurais|aurait) (?:prefere|aime|du) (?:ne )?(?:jamais|pas) (?:naitre|etre nee?|exister)"
    r"\b|\bjamais (?:du )?naitre\b|\b(?:voudrais|aimerais|veux) (?:etre mort|etre morte|"
    r"ne jamais etre nee?|ne pas etre nee?|ne plus etre nee?)\b",
    r"\b(?:sleep|dormir|endormir|fall asleep|go to sleep) " + _words(4) + r"(?:never|ne jamais|"
    r"ne plus|not|pas|plus jamais) (?:wake up|me reveiller|waking up|me reveille|reveiller)\b",
    r"\b(?:disparaitre|disappear|partir|be gone|leave) (?:pour toujours|pour de bon|a jamais|"
    r"definitivement|forever|for good|permanently|for ever)\b",
    r"\bque tout (?:se )?(?:arrete|finisse|s arrete|cesse)\b|\b(?:want|wanted|need) (?:it|"
    r"everything|it all|the pain|life) (?:all )?to (?:stop|end)\b",
    # Hopelessness + self: what's the point of living, better off without me, a burden.
    r"\ba quoi bon (?:vivre|continuer|exister|rester|me lever|se lever|tout ce|tout ca|la vie|"
    r"ma vie|me accrocher|me battre|se battre|lutter|essayer|respirer|tenir|vivre encore)\b",
    r"\b(?:what is|whats|what s|no|see no|not see|any|there is no|is there any|is there a) "
    r"(?:the |a |any |much |real )?point (?:of |in |to )?(?:living|going on|life|being alive|"
    r"existing|carrying on|continuing|"
    r"keeping going|anything|it all|trying|being here|waking up|live|me|my life)\b",
    r"\b(?:plus|aucune|pas de|pas une|sans|perdu ma|perdu toute|quelle|une seule) (?:" +
    _words(2) + r")?raisons? de (?:vivre|continuer|rester|me lever|exister|me battre|tenir)\b",
    r"\b(?:no|any|not a single|lost my|without a|one) (?:" + _words(1) + r")?reasons? (?:for "
    r"me )?to (?:live|keep going|go on|be alive|stay|continue|get up|exist|keep living|be here|"
    r"carry on|wake up)\b",
    r"\b(?:vie|existence) (?:ne a|na|a) (?:plus |pas |aucun |plus aucun |pas de |plus de )"
    r"(?:aucun )?sens\b|\b(?:vie|existence) ne (?:sert|vaut) (?:plus )?(?:a )?(?:rien|pas la "
    r"peine)\b|\bne vaut (?:plus )?(?:pas )?la peine (?:de etre vecue|de vivre)\b",
    r"\b(?:life|my life|existence|living) (?:is|feels|seems) (?:so |completely |totally )?"
    r"(?:meaningless|pointless|worthless|not worth (?:living|it)|empty and pointless|"
    r"over for me)\b|\bnot worth living\b|\blife is not worth\b",
    r"\b(?:mieux|better off|happier|relieved|soulagee?s?|heureux|heureuses|better) (?:" +
    _words(2) + r")?(?:sans moi|without me|if i (?:was|were) (?:dead|gone|not here|not around)|"
    r"si je (?:etais|ne etais) (?:plus la|pas la|morte?|partie?|plus en vie|plus de ce monde))\b|"
    r"\bbetter off dead\b|\bmieux (?:morte?|mort que vif)\b",
    r"\b(?:would|will|could) (?:anyone|nobody|no one|everyone|they|people|my \w+) " + _words(2)
    + r"(?:care|notice|miss me|mind|be happier|be better|be relieved)\b.{0,40}\bif i\b",
    r"\b(?:nobody|no one|noone|not one person) (?:would|will|could|is going to) (?:care|notice|"
    r"miss me|mind|even notice|cry|come)\b",
    r"\bif i (?:died|was gone|were gone|was dead|were dead|disappeared|was not here|were not "
    r"here|was not around|killed myself|vanished|ended it)\b",
    r"\bpersonne ne (?:" + _words(1) + r")?(?:remarquerait|verrait|se rendrait compte|"
    r"se en rendrait compte|me regretterait|regretterait|remarquera|pleurerait|me manquerait|"
    r"se apercevrait|se en apercevrait|viendrait)\b",
    r"\bsi je (?:ne )?(?:etais plus la|etais pas la|mourais|disparaissais|partais pour (?:de bon|"
    r"toujours)|"
    r"me tuais|me suicidais|etais morte?|etais plus en vie)\b",
    r"\b(?:suis|etre|sens comme|sens) (?:un|une) (?:poids|fardeau|boulet)(?: mort)? (?:pour|a)\b|"
    r"\b(?:sert|servirait) a rien que je (?:sois|vive|existe|reste)\b|\b(?:inutile|useless|"
    r"pointless|no use) (?:que je (?:sois|vive|existe)|me being (?:here|alive)|for me to (?:be "
    r"here|live|exist))\b|\b(?:i am|i feel "
    r"like|i feel|feel like|being) (?:such |just |only |a total )?(?:a|an) (?:burden|weight) "
    r"(?:to|on|for)\b|\bjust a burden\b",
    r"\b(?:pense|pensais|songe|think|thinking|thought) (?:a la|a|about|of) (?:la )?(?:mort|"
    r"death|dying|mourir) (?:" + _words(1) + r")?(?:tout le temps|souvent|sans arret|tous les "
    r"jours|chaque jour|constamment|all the time|a lot|constantly|every day|more and more|"
    r"de plus en plus|non stop)\b",
    r"\bsi je (?:ne )?(?:existais|existait) (?:pas|plus)\b|\bif i (?:did not|didn t) "
    r"exist\b|\b(?:plus simple|mieux|easier|better) (?:" + _words(2) + r")?(?:si je (?:etais|"
    r"ne etais) (?:morte?|plus la|plus en vie)|if i (?:was|were) (?:dead|gone|not here))\b",
    TOPIC + r"\b(?:passer|passe|passage) a le acte\b",
    r"\b(?:tout (?:arreter|lacher|abandonner|quitter|laisser tomber)|partir|en finir|"
    r"disparaitre|lacher prise|abandonner|me en aller|tout laisser|give up|end it|let go|leave|"
    r"check out|go away) (?:definitivement|pour de bon|pour toujours|a "
    r"jamais|for good|forever|permanently)\b",
    r"\b(?:standing|sitting|stood|sat|debout|assise?|je suis|i am) (?:on|sur|au bord de|at the "
    r"edge of|on the edge of) (?:the |le |la |un |a )?(?:ledge|edge|parapet|rebord|bridge|pont|"
    r"toit|roof|rooftop|balcony railing|railing|rambarde|garde corps|vide|quai|platform)\b"
    r"(?! (?:de le|du|of the)? ?(?:bateau|boat|ferry|titanic|party|soiree|bar|cafe))",
    r"\b(?:tout prepare|tout est pret|tout est prevu|tout organise|tout planifie|ai tout "
    r"prevu|all set|everything (?:is )?ready|everything planned|planned it all|planned "
    r"everything|got everything ready|ce est decide|it is decided|my mind is made up|ma "
    r"decision est prise|i have decided|je ai decide)\b.{0,100}\b(?:corde|rope|noose|"
    r"cachets|medocs|medicaments|pills|lame|razor|blade|arme|gun|pistolet|fusil|charbon|"
    r"lettre|letter|note|pont|bridge|toit|roof)\b|\b(?:corde|rope|noose|cachets|medocs|"
    r"medicaments|pills|lame|razor|arme|gun|pistolet|fusil|charbon)\b.{0,100}\b(?:tout "
    r"prepare|tout est pret|tout est prevu|all set|everything (?:is )?ready|ce est decide|"
    r"it is decided|my mind is made up)\b",
    r"\b(?:la|ma|une) corde (?:est |attend )?(?:" + _words(2) + r")?(?:dans|sous|sur|pretes?|"
    r"accrochee)\b|\b(?:the|my|a) (?:rope|noose) (?:is )?(?:" + _words(2) + r")?(?:in|under|"
    r"ready|tied|hanging)\b",
    THIRD + r"\bkill(?:ing|ed|s)? (?:yourself|oneself|urself)\b|\b(?:think|thinking|thought|"
    r"thoughts) (?:about|of) (?:killing|ending|hurting|harming) (?:yourself|oneself|your life|"
    r"one s life)\b|\bkys\b",
    r"\b(?:veux|voudrais|aimerais|envie de|want to|wanna|would like to|wish i could) "
    r"(?:rejoindre|retrouver|join|be with|see again) (?:" + _words(3) + r")?(?:qui (?:est|sont) "
    r"(?:morte?s?|decedee?s?|partie?s?|au ciel|parti)|au ciel|la haut|dans la mort|in heaven|"
    r"who (?:died|passed|is dead|are dead)|dead|late|in the afterlife)\b",
    r"\b(?:me sens partir|sens que je pars|vais perdre connaissance|feel myself (?:slipping|"
    r"fading|going)|slipping away)\b|\b(?:bu|alcool|vodka|drank|drinking|alcohol|booze) "
    r"(?:" + _words(4) + r")?(?:et|and|avec|with|plus) (?:" + _words(2) + r")?(?:pris|avale|"
    r"took|taken|swallowed|des|some|my|mes)? ?(?:" + _words(1) + r")?" + _PILLS + r"\b",
    r"\b(?:poignets|bras|cuisses|jambes|ventre|wrists|arms|thighs|legs|stomach) (?:" +
    _words(3) + r")?(?:cicatrices|coupures|entailles|scars|cuts|scarred|marques de coupures)\b"
    r"|\b(?:cacher|cache|hide|hiding|cover|covering) (?:mes |les |my |the )?(?:cicatrices|"
    r"coupures|scars|cuts|marques)\b|\bnew (?:cuts|scars)\b|\bnouvelles (?:coupures|"
    r"cicatrices)\b",
    r"\bplus rien ne me (?:retient|rattache)\b|\bnothing (?:left )?to live for\b|\bnothing "
    r"(?:is )?keeping me (?:here|alive)\b|\brien ne me retient\b",
    # Plans and means: pills, bridge, rope, goodbye letter, searching how.
    r"\b" + _PILLS + r" (?:" + _words(3) + r")?(?:pour|to|so i can|so that i) (?:" + _words(2) +
    r")?(?:en finir|mourir|tout arreter|ne plus|me tuer|partir|dormir pour toujours|die|end it|"
    r"end things|end my|kill myself|not wake up|never wake up|overdose|od)\b",
    r"\b(?:avaler|avale|avalais|prendre|pris|prends|take|taking|took|taken|swallow|swallowed|"
    r"swallowing|down|downed|vide|emptied) (?:" + _words(2) + r")?(?:tous|toutes|tout|boite|"
    r"boites|plaquette|plaquettes|flacon|tube|whole|entire|box|boxes|bottle|bottles|pack|"
    r"packet|packets|strip|strips|blister|plein|beaucoup|a lot|a bunch|too many|trop|enough|"
    r"assez|all|every|handful|une poignee|everything in|dozens|dizaines|\d+) (?:de |of |des |"
    r"les |d )?(?:" + _words(1) + r")?" + _PILLS + r"\b",
    r"\b(?:stocke|stocker|stockes|garde|gardes|collecte|accumule|accumuler|amasse|amasser|"
    r"stock|stockpiling|stockpiled|stockpile|saving up|saved up|hoarding|hoarded|collecting|"
    r"collected|reserve) (?:de |des |les |mes |my |some |of )?(?:" + _words(1) + r")?" + _PILLS
    + r"\b",
    r"\b" + _PILLS + r" (?:" + _words(2) + r")?(?:saved up|stockpiled|stocked up|hidden away|"
    r"set aside|de cote|en reserve|stockes|stockees|caches|cachees|ready|prets|pretes|"
    r"au cas ou|just in case|for when)\b",
    r"\b(?:how many|combien de|quelle dose|what dose|how much) " + _words(1) + _PILLS +
    r"|\b(?:dose|quantite) (?:mortelle|letale)\b|\blethal (?:dose|amount)\b|\boverdos\w*|"
    r"\b(?:od d|oded|od ed)\b",
    r"\b(?:corde|rope|noose|noeud coulant|lame|blade|razor|rasoir|arme|gun|pistolet|fusil|"
    r"charbon|charcoal) (?:" + _words(2) + r")?(?:pour|to) (?:me pendre|me tuer|en finir|"
    r"mourir|hang|end it|kill|die)\b",
    r"\bsaute(?:r|e)? (?:" + _words(2) + r")?(?:du|de le|de la|par la|d un|d une|de un|de une|"
    r"depuis le|"
    r"depuis la|dans le|dans la|sous le|sous un|sous une|du haut de|de le haut de) (?:" +
    _words(1) + r")?(?:pont|fenetre|toit|balcon|immeuble|falaise|viaduc|train|metro|rer|tram|"
    r"etage|haut|vide|riviere|gardon|rhone|voie|voies|tour|parking)\b",
    r"\b(?:pont|toit|fenetre|balcon|falaise|immeuble|viaduc|vide|rails|voie ferree|quai|"
    r"bridge|roof|ledge|edge|balcony|window|cliff|tracks|platform|rooftop)\b.{0,60}\b(?:vais|"
    r"veux|envie de|pret a|prete a|compte|going to|want to|about to|ready to|will|gonna) "
    r"(?:" + _words(1) + r")?(?:sauter|me jeter|jump)\b",
    r"\bjump(?:ing|ed)? (?:off|from|out of|out the|in front of|under|before) (?:" + _words(2) +
    r")?(?:bridge|roof|building|cliff|balcony|window|train|car|bus|truck|tower|floor|"
    r"tracks|subway|metro|overpass|parking)\b",
    r"\b(?:throw|throwing|threw|put|putting|lay|lie|lying) (?:myself|me|herself|himself) "
    r"(?:off|under|in front of|onto|before) (?:a|the|an)\b",
    r"\b(?:lettres?|mots?|message|notes?|courrier|video|letters?|notes?|messages?|videos?) "
    r"(?:" + _words(3) + r")?(?:dire adieu|faire mes adieux|say goodbye|saying goodbye|"
    r"goodbye to (?:everyone|my|you))\b|"
    r"\b(?:lettres?|mots?|message|notes?|courrier) de adieu\b|\bgoodbye (?:letter|letters|note|"
    r"notes|message|messages|video)\b|\bsuicide (?:note|letter)\b|\bdire adieu a tout le monde"
    r"\b|\bsay goodbye to (?:everyone|everybody|my family|you all|the world)\b|\bsaid my "
    r"goodbyes\b|\b(?:give|giving|gave|given) away (?:all )?(?:of )?my (?:things|stuff|"
    r"belongings|possessions|cat|dog|pet|plants|clothes|books)\b|"
    r"\bdonne(?:r)? (?:toutes )?mes affaires\b",
    r"\b(?:comment|how to|how do you|how can i|how would i|painless way to|moyen de|moyens de|"
    r"facon de|methode pour|easiest way to|quickest way to) (?:" + _words(1) + r")?(?:en finir|"
    r"mourir sans|mourir vite|me tuer|me suicider|die painlessly|die without|end it|kill myself|"
    r"commit suicide|me pendre|hang myself|overdose)\b",
    r"\b(?:plan|plans|projet) (?:" + _words(2) + r")?(?:to end|pour en finir|to die|to kill "
    r"myself|de mourir|de me tuer|de en finir)\b",
    r"\bsans douleur\b.{0,30}\b(?:mourir|en finir|partir)\b|\b(?:mourir|en finir|partir) "
    r"(?:" + _words(3) + r")?sans (?:douleur|souffrir)\b",
    r"\bpeur de (?:faire une|refaire une) (?:betise|connerie|grosse betise)\b|\b(?:vais|veux|envie"
    r" de|peur de) faire une (?:grosse )?(?:betise|connerie) (?:ce soir|cette nuit|demain)\b",
    r"\b(?:tried|attempted|attempt|tentative de|tente de|essaye de) (?:" + _words(2) +
    r")?(?:suicide|to kill|overdose|me tuer|me suicider|en finir|end my|end it|hang)\b",
    # Self-harm.
    r"\bje (?:me |ne me )?(?:suis )?(?:fais|fait|faire|faisais) (?:du )?mal (?:" + _words(3) +
    r")?" + _INTENT + r"\b",
    r"\b(?:me|se) (?:faire|fais|fait|faisais) du mal\b(?! (?:au|a la|aux) )",
    r"\b(?:me|se) (?:suis |est )?(?:faire|fais|fait|faisais) (?:saigner|vomir expres|"
    r"des marques)\b|\bjusque au sang\b|\buntil i bleed\b|\bmake myself bleed\b",
    r"\bje (?:me |ne me )?(?:suis )?(?:coupe|coupee|couper|coupais|brule|brulee|bruler|brulais|"
    r"frappe|frapper|frappais|tape|taper|cogne|cogner|griffe|griffer|griffais|mords|mordre|"
    r"blesse|blesser|blessais|arrache|arracher|taillade|scarifie|lacere|pince) (?:" + _words(5)
    + r")?(?:" + _INTENT + r"|(?:les|mes|le|la) " + _BODY + r")\b",
    r"\b(?:cut|cutting|cuts|burn|burning|burnt|burned|hurt|hurting|harm|harming|hit|hitting|"
    r"punch|punching|scratch|scratching|bite|biting|bang|banging|starve|starving) myself\b"
    r"(?! (?:while|when (?:i was )?(?:cooking|shaving|chopping|cutting)|on (?:a|the|some|my)|"
    r"by accident|accidentally|playing|at (?:the )?(?:gym|practice|work)|during|in the kitchen|"
    r"shaving|cooking|with (?:the|a) (?:knife|oven|stove|iron|pan|kettle) (?:while|when|"
    r"cooking|by)|chopping|slicing|skiing|running|falling|out of the|making|peeling|opening))",
    r"\b(?:started|start|stopped|stop|quit|relapsed|relapse|back to|been|keep|urge to|urges "
    r"to|am|i am|was|i was) (?:" + _words(1) + r")?(?:cutting|self harming|harming myself)"
    r"(?= again| myself| ?[.!?,]| ?$| and| since| for (?:weeks|months|years|a)| every| when| "
    r"lately| recently| daily| on my)",
    r"\b(?:me |se )?(?:suis |est )?(?:ouvert|ouverte|ouvrir|ouvre|entaille|entailler|couper|"
    r"coupe|taillader|taillade|lacere|lacerer|scarifie) (?:les |mes |ses )?(?:veines|poignets)\b"
    r"|\bme (?:suis )?(?:ouvert|ouverte|ouvrir|ouvre|entaille|entaillee?|taillade|tailladee?|"
    r"lacere|laceree?|griffe|griffee?|brule|brulee?|marque|marquee?) (?:les |mes |le |la )?"
    + _BODY + r"\b|\b(?:slit|slitting|slash|slashing|slashed|carve|carved|carving|"
    r"open|opened) (?:my|her|his|their) " + _BODY + r"\b|\b(?:cut|cutting|scratch|scratching|"
    r"scratched|burn|burning|burned|burnt|hit|hitting|punch|punching|bruise|bruising|pinch|"
    r"pinching|bite|biting|carve|carving) (?:my|her|his|their) (?:arms|wrists|thighs|legs|"
    r"skin|stomach|hips|forearms|veins)\b(?! (?:on (?:the|a)|while|when (?:i was )?(?:cooking|"
    r"playing|shaving)|by accident|accidentally|playing|at the|during|in the kitchen|"
    r"on something))",
    r"\buntil (?:they|it|i|my \w+) (?:bleed|bleeds|bled|bleeding)\b|\bjusque a ce que "
    r"(?:ca|ce a|elles?|ils?|je) (?:saigne|saignent|saigner)\b",
    # Someone else at risk (a friend): the same help lines apply.
    THIRD + r"\b(?:se|te) (?:tuer|tue|est tue|suicider|foutre en le air|pendre|jeter sous|"
    r"faire du mal"
    r"|scarifier|scarifie|mutiler|ouvrir les veines)\b(?! (?:a la tache|au travail|a force|"
    r"dans un accident|en voiture|en moto|au volant|a le travail))",
    THIRD + r"\b(?:hurt|hurting|harm|harming|cut|cutting) (?:herself|himself|themselves|"
    r"themself)\b"
    r"(?! (?:while|playing|at|during|on the|by accident|accidentally))",
]

VIOLENCE = [
    # Harassment, stalking, bullying, told about oneself.
    r"\b(?:me|te) " + _AUX_FR + r"(?:harcel\w*|traque\w*|stalk\w*)",
    r"\b(?:je|tu) (?:me |te )?(?:fais|fait|suis fait|suis faite|suis fais|faisais) (?:" +
    _words(1) + r")?(?:harceler|harcelee?|traquer|insulter et frapper|frapper|tabasser|taper|"
    r"cogner|agresser|violer|attaquer|racketter|toucher|peloter|menacer|suivre|droguer|"
    r"etrangler|casser la gueule|defoncer|emmerder sexuellement|tripoter|brutaliser|battre|"
    r"gifler|bizuter|enfermer|sequestrer|exploser)\b",
    r"\b(?:je suis|suis|j ai ete|ai ete|etais|avoir ete|me sens) (?:" + _words(1) + r")?"
    r"(?:harcelee?s?|traquee?s?|agressee?s?|violee?s?|battue?s?|frappee?s?|tabassee?s?|"
    r"menacee?s?|droguee?s?|sequestree?s?|attaquee?s?|molestee?s?|maltraitee?s?|brutalisee?s?|"
    r"bizutee?s?|enfermee?s?|etranglee?s?|pelotee?s?|abusee?s?|violentee?s?|humiliee?s?|"
    r"giflee?s?|rackettee?s?|tripotee?s?)\b(?! (?:(?:de |d )(?:exclusion|expulsion|renvoi|"
    r"redoubl\w*|sanctions?|amende|poursuites|perdre|rupture|licenciement)|par (?:le|la|les|un|une|"
    r"ce|mes) (?:" +
    _words(1) + r")?(?:film|livre|histoire|message|actualite|nouvelle|chiffres|resultats|"
    r"travail|boulot|fatigue|stress|partiels?|examens?)|de (?:travail|boulot|fatigue)))",
    r"\b(?:i am|i am being|i was|i have been|i got|i get|i keep getting|i have|been|being) "
    r"(?:" + _words(1) + r")?(?:harassed|stalked|groped|molested|raped|assaulted|sexually "
    r"assaulted|attacked|beaten|beaten up|jumped|mugged|threatened(?! with (?:eviction|"
    r"expulsion|a fine|legal|failing|exclusion|a bad))|bullied|abused|drugged|blackmailed|"
    r"cornered|held at knifepoint|robbed at (?:knife|gun)point|"
    r"choked|strangled|kidnapped|trafficked|spiked|roofied|hit by (?:my|a|the|her|his) (?:" +
    _words(1) + r")?" + _PERSON_NOUN + r"|hurt by (?:my|a|the|her|his) (?:" + _words(1) +
    r")?" + _PERSON_NOUN + r"|followed (?:home|to|from|by (?:a|some|this|the) (?:" + _words(1) +
    r")?(?:man|guy|men|stranger|car|person|group)|every|at night|around))\b",
    r"\b(?:harcel\w*|harass\w*|bully|bullying|bullied|stalk\w*|traque\w*) (?:" + _words(2) +
    r")?(?:me|moi|my|mon|ma|mes|par|by)\b",
    r"\b(?:harcelement|harassment|bullying|cyberharcelement|cyber harcelement|cyberbullying) "
    r"(?:" + _words(2) + r")?(?:de la part|from|by|par)\b",
    r"\b(?:i have|j ai|je ai|there is) (?:a|un|une) (?:stalker|harceleur|harceleuse)\b",
    # Physical violence by someone, against me.
    r"\b(?:frappe|frappent|frappait|bat|battent|battait|tape sur|tapait sur|cogne|cognait|"
    r"etrangle|maltraite|maltraitait|violente|gifle) (?:aussi )?(?:ma|mon|mes) (?:mere|pere|"
    r"soeur|frere|soeurs|freres|maman|papa|femme|mari|enfants|petite soeur|petit frere)\b|"
    r"\b(?:hits|beats|hurts|hit|beat|chokes|choked) (?:my )?(?:mom|mum|mother|dad|father|"
    r"sister|brother|little sister|little brother|siblings)\b(?! (?:at|in) )",
    r"\b(?:grabbed|choked|squeezed|strangled|pulled|twisted|held) (?:me by )?(?:my|the) "
    r"(?:neck|throat|hair|wrists?|arms?)\b|\b(?:me|m) (?:a|ont) (?:attrapee?|prise?|tiree?|"
    r"saisie?|empoignee?|tenue?) (?:par|a) (?:le cou|la gorge|les cheveux|le bras|les bras|"
    r"le poignet|les poignets)\b|\b(?:me|m) (?:a|ont) (?:tire|tirait) les cheveux\b|"
    r"\b(?:me|m) (?:a|ont) arrache (?:mon|ma) (?:sac|telephone|portable|collier|chaine)\b|"
    r"\b(?:snatched|grabbed|ripped) my (?:bag|phone|purse|necklace)\b",
    r"(?<!\bje )(?<!\bce )(?<!\bca )(?<!\bcela )(?<!\bqui )(?<!\btu )\b(?:me|m|nous) "
    r"(?:frappe|frappent|frappait|frappaient|bat|battait|battaient|battent|tabasse|tabassent|"
    r"tabassait|cogne|cognent|cognait|gifle|giflent|giflait|etrangle|etranglait|viole|"
    r"violait|violent|agresse|agressent|agressait|maltraite|maltraitent|maltraitait|"
    r"brutalise|brutalisent|brutalisait|roue de coups|tape dessus|tapent dessus|tapait "
    r"dessus|menace|menacent|menacait|harcele|harcelent|harcelait|tripote|tripotent|pelote|"
    r"drogue|sequestre|enferme|enfermait|terrorise|terrorisent)\b(?! (?:par (?:son|sa|ses|"
    r"leur|le|la|les) |aux |au |a la |en (?:maths|physique|chimie|sport|course)))",
    r"(?<!\bit )(?<!\bthis )(?<!\bthat )(?<!\bi )(?<!\byou )\b(?:strangled|choked|raped|"
    r"punched|kicked|slapped|assaulted|molested|groped|stabbed|abused|strangles|chokes|rapes|"
    r"punches|kicks|slaps|assaults|molests|gropes|abuses|hits|hit|hurts|threatens|"
    r"threatened|harasses|harassed|stalks|stalked|drugged|spiked|hazed|hazing|bullied|"
    r"bullies|bullying) me\b(?! (?:up|out|off|in "
    r"the feels|at|in (?:the |a )?(?:race|game|match|final|exam|chess)|to it|by \d|with "
    r"(?:the|a|an|your|some|that|this|eviction|a fine)|like a ton|hard|harder|differently|"
    r"deep|deeply|right|like|so|when i|that|how))",
    _PERSON + r" " + _AUX_FR + r"(?:me|m|nous) (?:" + _words(1) + r")?(?:frappe|frappent|frappait|"
    r"frappaient|frapper|bat|battent|battait|battaient|battre|tape dessus|tapent dessus|"
    r"tapait dessus|taper dessus|tape|tapent|tapait|cogne|cognent|cognait|gifle|giflent|"
    r"giflait|etrangle|etranglait|bouscule|brutalise|brutalisait|maltraite|maltraitait|"
    r"violente|tabasse|tabassent|agresse|agressent|viole|violent|violait|menace|menacent|"
    r"menacait|touche|touchent|touchait|tripote|pelote|enferme|enfermait|"
    r"sequestre|drogue|insulte et|crache|secoue|pousse contre|poussait contre|"
    r"empeche de (?:sortir|partir|voir|parler|quitter|appeler|travailler|dormir)|"
    r"prend mon (?:telephone|tel|argent|portable)|prend mes (?:papiers|affaires)|"
    r"controle|surveille|espionne|harcele|lance des objets|jette des objets|"
    r"terrorise|fait du mal|fait mal|suit partout|attend devant chez|"
    r"fait du chantage|fait chanter)\b",
    _PERSON + r" (?:me|m|nous) (?:a|ont|avait|avaient) (?:" + _words(4) + r")?(?:frappee?|"
    r"battue?|tapee?|cognee?|giflee?|etranglee?|bousculee?|brutalisee?|maltraitee?|violee?|"
    r"tabassee?|agressee?|menacee?|suivie?|touchee?|tripotee?|pelotee?|enfermee?|sequestree?|"
    r"forcee?|droguee?|attrapee?|saisie?|poussee?|attaquee?|embrassee? de force|"
    r"embrassee? sans|deshabillee?|photographiee? nue?|filmee? (?:nue?|sous la douche|a mon "
    r"insu|sans)|coincee?|blessee?|insultee? et|"
    r"ruee? de coups|roue de coups|casse la gueule|pris mon telephone|encerclee?|insultee?|"
    r"bizutee?s?|"
    r"crache dessus|agrippee?|empoignee?|humiliee?|"
    r"fait du mal|fait mal|fait des attouchements|mis la main|mis une main|mis les mains)\b",
    r"\b(?:me|m) (?:ont|a) (?:forcee? a|obligee? a) (?:" + _words(1) + r")?(?:boire|coucher|"
    r"avoir des rapports|faire des choses|me deshabiller|le sucer|les sucer|le toucher|"
    r"me mettre nue?|embrasser)\b",
    _PERSON + r" " + _AUX_EN + r"(?:hits|hit|hitting|beats|beat|beating|punches|punched|"
    r"punching|kicks|kicked|kicking|slaps|slapped|slapping|chokes|choked|choking|strangles|"
    r"strangled|pushes|pushed|shoves|shoved|hurts|hurt|hurting|abuses|abused|abusing|rapes|"
    r"raped|touches|touched|touching|gropes|groped|groping|grabs|grabbed|grabbing|attacks|"
    r"attacked|threatens|threatened|threatening|stalks|stalked|stalking|follows|followed|"
    r"following|harasses|harassed|harassing|forces|forced|forcing|drugged|spiked|controls|"
    r"controlled|locks|locked|bullies|bullied|bullying|assaults|assaulted|molested|molests|"
    r"beats up|beat up|beating up|shakes|shook|throws things at|threw things at|terrifies|"
    r"scares|intimidates|blackmails|blackmailed|spits on|spat on|kisses|kissed|try to kiss|"
    r"tries to kiss|tried to kiss|won t let|will not let|doesnt let|does not let|hurts|"
    r"attacked|mugged|robbed|jumped|corners|cornered|watches|monitors|tracks|"
    r"is violent|was violent|gets violent|got violent|is abusive|was abusive) "
    r"(?:me|on me)\b(?! (?:up|back|at (?:chess|cards|games?|the)|in (?:the |a )?(?:race|"
    r"game|match|final|exam|debate|discussion|meeting|comments|chat|group chat|email|"
    r"argument|essay|review)|to (?!the |a |my |his |her |their |ground|floor|wall)|"
    r"to it|by|deeply|so much|with (?:the|a|an|your|some|that)|"
    r"(?:friend|friends)? on (?:instagram|insta|twitter|tiktok|linkedin)|home with the|"
    r"around the campus tour))",
    r"\b(?:raped|molested|groped|sexually assaulted|sexually harassed|sexually harassing|"
    r"drugged|roofied|spiked) (?:me|my)\b",
    _PERSON + r" " + _AUX_EN + r"(?:beat|beats|beating|beaten) (?:me )?up\b",
    r"\b(?:got|get|was|were|been|getting) (?:jumped|mugged|attacked|assaulted|beaten up|"
    r"stabbed|raped|groped|spiked|drugged|roofied|choked|strangled|kidnapped)\b",
    # Partner and family violence, control.
    r"\b(?:" + _PERSON_NOUN + r"|il|elle|he|she|they) (?:est|etait|is|was|gets|got|can be|"
    r"becomes|devient|a ete) (?:tres |really |so |very |super |trop |often |souvent |parfois |"
    r"sometimes )?(?:violente?s?|abusive|abusif|abusive|dangereux|dangereuse|dangerous|"
    r"physically abusive|emotionally abusive|controlling|possessif|possessive|jaloux et "
    r"violent)\b(?! (?:game|film|movie|sport))",
    r"\b(?:violente?s?|abusive|abusif|agressive?|dangereux|dangereuse) (?:avec|envers|with|"
    r"towards|toward|to) (?:moi|me)\b",
    r"\babusive (?:relationship|boyfriend|girlfriend|partner|husband|wife|father|dad|mother|"
    r"mom|parents|family|household|home|ex|roommate)\b|\brelation (?:toxique et violente|"
    r"violente|abusive)\b|\bsous (?:son |sa |leur )?emprise\b",
    r"\b(?:will not|won t|does not|do not|would not|never) (?:let|allow) me (?:to )?(?:leave|"
    r"go out|go home|go|see my|talk to|have my|out|use my|call|sleep|eat)\b(?! (?:early|"
    r"before|the (?:exam|class|lecture|lab|course)|my lease|the lease|the contract))",
    r"\b(?:controls?|controlled|controlling|takes?|took) (?:all )?(?:of )?my (?:money|phone|"
    r"passport|papers|bank card|card|documents|life)\b",
    r"\b(?:me|m) (?:" + _words(1) + r")?(?:empeche|empechait|interdit) de (?:sortir|partir|"
    r"voir (?:mes|ma|mon)|parler a|quitter|appeler|travailler|manger|dormir)\b",
    r"\b(?:confisque|prend|prenait|a pris) (?:mon|mes) (?:telephone|tel|portable|argent|"
    r"papiers|passeport|carte bancaire|cb)\b",
    r"\bme (?:enferme|enfermait|sequestre|sequestrait)\b|\blocks? me (?:in|up|out)\b|\blocked "
    r"me (?:in|up)\b",
    # Sexual harassment and assault.
    NOUN + r"\b(?:viol|viols|rape|agression sexuelle|agressions sexuelles|attouchements?|"
    r"sexual assault|sexual abuse|abus sexuels?|inceste|incest|harcelement sexuel|"
    r"sexual harassment|violences? sexuelles?|sexual violence|tentative de viol|attempted rape|"
    r"date rape|soumission chimique)\b",
    r"\b(?:agressee?s? |agresser |agresse )sexuellement\b|\bsexuellement (?:agressee?|harcelee?)\b",
    r"\b(?:me |m )?(?:touche|touchee?|touchent|toucher|tripote|tripotee?|pelote|pelotee?) "
    r"(?:" + _words(4) + r")?(?:sans (?:mon )?consentement|alors que|malgre|contre mon gre|"
    r"de force|partout|les fesses|la poitrine|les seins|les cuisses|le sexe|sous|entre les "
    r"jambes|sans que je|et je (?:ne )?veux pas|quand je (?:dors|dormais))\b",
    r"\bsans (?:mon |son )?consentement\b|\bwithout (?:my|her|his) consent\b|\bnon consenti\w*"
    r"|\b(?:did not|never|didn t) consent\b|\bpas (?:ete )?consentante?\b|\bcontre mon gre\b|"
    r"\bagainst my will\b|\bmalgre mon refus\b|\bnon consensual\b",
    r"\b(?:dit|said|told (?:him|her|them)|repete|repeated) (?:" + _words(1) + r")?(?:non|no|"
    r"stop|arrete) (?:" + _words(2) + r")?(?:mais|but|and|et|yet) (?:" + _words(1) + r")?(?:il|"
    r"elle|ils|he|she|they) (?:" + _words(1) + r")?(?:a continue|ont continue|continue|"
    r"continuait|did not stop|would not stop|kept going|continued|kept|did it anyway|"
    r"l a fait quand meme|le a fait quand meme|a insiste|insisted|forced|ne a pas arrete|"
    r"na pas arrete|a pas arrete|ne a rien voulu|ignored)\b|\b(?:even though|alors que|"
    r"meme si|although) (?:i|je) (?:" + _words(2) + r")?(?:said no|told (?:him|her|them) "
    r"(?:no|to stop)|dit non|dit d arreter|dit de arreter|refuse|ne voulais pas|voulais pas|"
    r"did not want|didn t want)\b",
    r"\bje (?:ne )?(?:lui )?ai (?:dit|repete) (?:non|stop|de arreter)\b.{0,40}\b(?:continue|"
    r"insiste|force)\b",
    r"\b(?:force|forcee?|forcer|forces|forced|forcing|oblige|obligee?) (?:" + _words(2) +
    r")?(?:a |to |into )?(?:avoir des rapports|coucher|sexe|have sex|sex|sleep with|faire des "
    r"choses|do things|me deshabiller|undress|boire|drink|kiss|embrasser|le toucher|touch him|"
    r"touch her|sucer|oral)\b|\bforced (?:himself|herself|themselves) on me\b|\b(?:made|make) "
    r"me (?:have sex|do sexual|touch him|sleep with)\b",
    r"\b(?:messages?|photos?|textos?|mails?|videos?|propositions?|avances?|remarques?|"
    r"commentaires?|blagues?|gestes?|images?) (?:" + _words(2) + r")?(?:a caractere sexuel|"
    r"sexuel\w*|obscenes?|pornographiques?|deplace\w* sur mon|sur mon (?:corps|physique|"
    r"poitrine|cul|fesses|seins|tenue|decollete|poids))\b",
    r"\b(?:sexual|explicit|obscene|dirty|inappropriate|unwanted|creepy) (?:" + _words(1) +
    r")?(?:messages|texts|comments|advances|photos|pictures|pics|images|videos|touching|"
    r"contact|remarks|jokes|propositions?|gestures|favou?rs)\b",
    r"\b(?:comments?|remarks?|remarques?|commentaires?) (?:" + _words(1) + r")?(?:about|on|sur) "
    r"(?:my|mon|ma|mes) (?:body|breasts|boobs|ass|butt|chest|figure|legs|corps|physique|"
    r"poitrine|seins|fesses|cul|jambes|tenue|decollete|weight|poids)\b",
    r"\b(?:nudes?|nude photos?|photos? de moi nue?s?|photos? (?:de moi )?(?:nue?s?|denudee?s?|"
    r"intimes)|intimate (?:photos|pictures|images|videos)|dick pics?|revenge porn|sextorsion|"
    r"sextortion|chantage (?:sexuel|aux photos|a la photo)|sexting)\b",
    r"\b(?:faveurs?|favou?rs?|relations?|rapports?) (?:sexuel\w*|sexual)\b|\b(?:en echange|in "
    r"exchange|contre) (?:de |of |for )?(?:faveurs?|sexe|sex|un rapport|des rapports|coucher)\b",
    r"\b(?:si je|if i) (?:couchais|couche|coucherais|slept|sleep|would sleep|had sex|have sex|"
    r"went out|go out|sortais) (?:avec|with) (?:lui|elle|him|her|them|eux)\b",
    r"\b(?:exposed|exposes|exposing|flashed|flashing) (?:himself|herself|themselves|his|him) "
    r"(?:to me|at me|in front of me)?|\b(?:se est |ses )?exhibee?\b|\bexhibitionnist\w*|\bse "
    r"(?:est )?(?:masturbait|masturbe|touchait) (?:" + _words(2) + r")?devant moi\b|"
    r"\bmasturbat\w* (?:in front of|at) me\b",
    r"\b(?:tries|tried|try|trying|keeps trying|essaie|essaye|a essaye) (?:to |de |d )?"
    r"(?:kiss me|me embrasser|touch me|me toucher|grab me|get me drunk|me faire boire|"
    r"me deshabiller|undress me|get in my bed|me coucher)\b",
    r"\b(?:me|m) (?:colle|collent|collait) (?:tout le temps|sans arret|partout|de trop pres|"
    r"trop)\b|\b(?:mains?|main) (?:aux|sur (?:mes|les)) (?:fesses|seins|cuisses|poitrine)\b|"
    r"\b(?:grabbed|touched|groped|slapped) (?:my|her) (?:ass|butt|breasts?|boobs|chest|crotch|"
    r"thigh|thighs|bum)\b",
    # Drugged drink.
    r"\b(?:spiked|drugged|roofied) (?:my|her|me)\b|\b(?:put|slipped|mis|glisse|versee?) "
    r"(?:" + _words(2) + r")?(?:something|quelque chose|une drogue|de la drogue|drugs?|ghb|"
    r"un truc|un produit) (?:in|into|dans) (?:my|mon|ma) (?:drink|glass|verre|boisson|cup|"
    r"cocktail|biere|beer)\b|\bghb\b|\bdrogue dans (?:mon|ma) (?:verre|boisson)\b|"
    r"\b(?:reveillee?|woke up|waking up|me reveille) (?:" + _words(2) + r")?(?:chez un "
    r"inconnu|chez (?:un|une) (?:inconnue?|mec|type)|in a stranger|at a stranger|next to a "
    r"stranger|a cote de un inconnu|sans (?:aucun )?souvenir|with no memory|naked|nue?)\b",
    # Threats, weapons, being followed, afraid of someone, in danger.
    r"\b(?:me|m) (?:" + _words(1) + r")?(?:menace|menacee?|menacent|menacait|menacaient|"
    r"menacer)\b|\bmenaces? de mort\b|\bmenace de (?:me|mort|publier|diffuser|envoyer|montrer|"
    r"balancer|poster|tout dire|tout reveler|reveler|partager|frapper|tuer|se venger|"
    r"faire du mal)\b",
    r"\b(?:threatened|threatening|threatens|threaten|threats|threat) (?:me(?! with (?:eviction|"
    r"expulsion|a fine|legal|failing|exclusion|a bad|a zero))|to (?:kill|hurt|"
    r"hit|beat|rape|post|share|leak|send|publish|expose|release|out) ?(?:me|my)?|my life|"
    r"against me)\b|\bdeath threats?\b|\bthreat(?:s|ened)? (?:" + _words(3) + r")?(?:if i)\b",
    r"\b(?:said|told me|says|swore|promised|threatened|a dit|me a dit|dit|disait|jure|promis|"
    r"menace) (?:" + _words(5) + r")?(?:would|will|was going to|is going to|gonna|qu il|que il|"
    r"qu elle|que elle|qu ils|que ils|il|elle|ils|he|she|they) (?:" + _words(2) + r")?(?:kill|"
    r"hurt|hit|beat|rape|do worse|make me pay|ruin my life|regret it|make me regret|"
    r"me tuer|me tuerait|me tuera|me frapper|me frapperait|me frappera|me le faire payer|"
    r"le regretter|me pourrir la vie|faire pire|me faire pire|"
    r"me buter|me violer|me defoncer|me faire du mal|me faire la peau|me retrouver|me crever|"
    r"tuerait|frapperait)\b",
    r"\b(?:si je|if i|the day i|le jour ou je) (?!(?:rate|echoue|fail|redouble|rentre avec "
    r"(?:une|des) (?:mauvaise|notes)))(?:" + _words(4) + r")?(?:il|elle|ils|elles|on|he|she|"
    r"they) (?:" + _words(1) + r")?(?:me tuerait|me tuera|me frapperait|me frappera|me fera "
    r"du mal|me ferait du mal|me battra|me battrait|me violera|would kill me|will kill me|would "
    r"hurt me|will hurt me|would beat me|will beat me|is going to kill me|is going to hurt me)\b",
    r"\b(?:me tuer\w*|kill me|me frapper\w*|hurt me)\b.{0,40}\b(?:en est capable|en sont "
    r"capables|capable de le faire|le pense vraiment|means it|meant it|is capable|is serious|"
    r"will do it|le fera)\b",
    r"\b(?:sends?|sent|sending|receive|received|receiving|get|getting|got|recois|recu|reçu|"
    r"envoie|envoient|envoyait|a envoye) (?:me |moi |des |de |some |many |lots of )*(?:death "
    r"threats|threats|threatening messages|menaces|messages menacants|menaces de mort)\b",
    r"\b(?:kill|hurt|hit|beat|do worse|make me pay|ruin my life|regret it|me tuer|me tuerait|"
    r"ferait pire|fera pire|ferait du mal|fera du mal|me le ferait payer|me le fera payer|"
    r"le regretterais|le regretteras|le regretterai|"
    r"me tuera|me frapper|me frapperait|me le faire payer|le regretter|me faire du "
    r"mal) (?:me )?(?:" + _words(2) + r")?(?:if i|si je) (?:" + _words(1) + r")?(?:tell|told|"
    r"talk|talked|speak|spoke|say anything|leave|left|go to the police|report|call|parle|"
    r"parlais|dis|disais|le quitte|la quitte|quittais|porte plainte|portais plainte|denonce|"
    r"raconte|racontais|appelle|appelais|partais|pars)\b",
    _PERSON + r" " + _AUX_FR + r"(?:veut|voulait|va|vont|allait|essaie de|essaye de|a essaye "
    r"de|menace de) (?:me|m) (?:frapper|battre|violer|tabasser|agresser|taper|buter|etrangler|"
    r"defoncer|faire du mal|faire la peau|enfermer|poignarder|etrangler)\b",
    _PERSON + r" " + _AUX_FR + r"(?:veut|voulait|veulent|essaie de|essaye de|a essaye de|"
    r"ont essaye de|menace de|a menace de|cherche a) (?:me|m) (?:tuer|retrouver|buter)\b"
    r"(?!.*\b(?:lol|mdr|haha|xd)\b)",
    _PERSON + r" " + _AUX_EN + r"(?:wants to|want to|is going to|going to|gonna|will|would|"
    r"might|could|tried to|tries to|is trying to|threatened to|threatens to|is coming to) "
    r"(?:hurt|hit|beat|rape|attack|stab|strangle|choke|beat up|come after) "
    r"(?:me|us)\b(?! (?:when|if (?:i fail|i get|my grades)|for (?:eating|taking|using|being "
    r"late|missing)|lol|haha))",
    _PERSON + r" " + _AUX_EN + r"(?:wants to|wanted to|tried to|tries to|is trying to|"
    r"threatened to|threatens to|is coming to|is out to|is going to find and) (?:kill|find|"
    r"get) (?:me|us)\b(?!.*\b(?:lol|haha|xd|jk)\b)",
    r"\b(?:knife|couteau|gun|pistolet|arme|flingue|cutter|machette|bat|batte) (?:" +
    _words(4) + r")?(?:on me|at me|sur moi|vers moi|a la gorge|to my throat|to my head)\b|"
    r"\b(?:menacee?|threatened|menace) (?:" + _words(1) + r")?(?:avec|with) (?:un|une|a|an) "
    r"(?:" + _words(1) + r")?(?:knife|couteau|gun|pistolet|arme|flingue|cutter|machette|"
    r"bouteille|bottle)\b|\b(?:pulled|sorti|sortit|a sorti) (?:a|un|une) (?:knife|couteau|gun|"
    r"pistolet|arme|flingue)\b",
    r"\b(?:quelqu'un|un (?:type|mec|homme|gars|inconnu|individu|vieux|monsieur|groupe)|une "
    r"(?:femme|inconnue|voiture)|des (?:types|mecs|hommes|gens|inconnus|jeunes)|on|il|elle|"
    r"ils|ce (?:type|mec|gars)|mon ex|cet homme|this (?:guy|man)|a (?:man|guy|stranger|car|"
    r"group)|someone|somebody|some (?:guy|man|men|people|stranger)|he|she|they|my ex) (?:" +
    _words(2) + r")?(?:me|m) (?:" + _words(1) + r")?(?:suit|suivent|suivait|suivaient|a suivie?|"
    r"ont suivie?|guette|epie|espionne|traque)\b(?! (?:pour|dans|"
    r"sur|en|de pres (?:pour|dans)) (?:mon|le|ce|la|ma) (?:projet|stage|dossier|memoire|these|"
    r"cours|travail|parcours|scolarite))",
    r"\b(?:follow|following|followed|follows|stalk|stalking|stalked|stalks|watching|waiting "
    r"for|waits for) me (?:home|back|to|from|every|at night|everywhere|since|after|"
    r"again|all|each|when|on my way|in the street|down)\b|\b(?:i am|i think i am|i feel like "
    r"i am|i was|i have been) (?:being )?(?:followed|stalked|watched|spied on)\b(?! (?:by "
    r"(?:a lot|many|lots|people|\d))\b)",
    r"\b(?:suivie?|followed) (?:par (?:un|une|des|ce|cet|cette|le) (?:" + _words(1) + r")?"
    r"(?:type|mec|homme|gars|inconnue?|individu|voiture|groupe|hommes|mecs|inconnus)|dans la "
    r"rue|jusque (?:chez moi|a|au|a la)|depuis (?:la|le|plusieurs|des)|tous les (?:soirs|jours)|"
    r"chaque (?:soir|jour|nuit)|home|to my (?:door|house|flat|dorm|room|car))\b",
    r"\b(?:peur|terrifiee?|effrayee?|flippe|angoissee?) (?:de |d )(?:lui|elle|eux|mon |ma |mes |"
    r"son |sa )(?:" + _words(1) + r")?(?:" + _PERSON_NOUN + r"|lui|elle|eux)?\b(?! (?:de rater|"
    r"de echouer|pour (?:le|les|mon|ma) (?:partiel|exam)))",
    r"\b(?:afraid|scared|terrified|frightened) (?:of|that) (?:him|her|them|my (?:" +
    _words(1) + r")?" + _PERSON_NOUN + r"|he|she|they|" + _PERSON + r")\b(?! (?:will|would|might)"
    r" (?:fail|not|be disappointed|be mad|be angry|find out about my grades))",
    r"\b(?:peur|afraid|scared|terrified|frightened|worried|crains|fear|fears) (?:" + _words(4) +
    r")?(?:will|would|might|could|va|vont|allait|veut|puisse|ne) (?:" + _words(1) + r")?(?:hurt|"
    r"hit|beat|kill|rape|attack|find|come after|me frappe|me frapper|me tue|me tuer|me faire du "
    r"mal|me violer|me retrouve|me retrouver|me fasse du mal|me batte|me tape|me agresse)\b",
    r"\b(?:je suis|suis|je me sens|me sens|je me sentais|je me trouve|sommes|i am|i feel|we are|"
    r"my life is|ma vie est|sa vie est|his life is|her life is|i might be|je crois etre|"
    r"je pense etre|i think i am|nous sommes|on est) (?:" + _words(1) + r")?(?:en danger|in "
    r"danger|pas en securite|plus en securite|not safe|unsafe|menacee?|threatened|at risk)\b"
    r"(?! (?:from|of|with) (?:the )?(?:flu|covid|virus|cold|rain|failing|losing|exams?|"
    r"deadlines?|spoilers?|expulsion|exclusion|eviction|redoubler|echouer|rater|perdre))",
    r"\b(?:ne|pas|plus|not|never|no longer) (?:me )?(?:sens|sentir|feel|felt|feeling) (?:" +
    _words(1) + r")?(?:en securite|safe|securise)\b",
    r"\b(?:pas|plus) en securite (?:chez moi|ici|avec (?:lui|elle|eux|mon|ma)|dans mon|dans ma|"
    r"a la maison|a la residence)\b|\b(?:not|unsafe|never) safe (?:at home|here|with (?:him|"
    r"her|them|my)|in my|around (?:him|her|them|my))\b",
    r"\b(?:peur|crains|angoisse|terrifiee?) (?:de |d )?(?:rentrer|retourner|revenir|aller) "
    r"(?:" + _words(1) + r")?(?:chez moi|a la maison|chez nous|a la residence|a mon appart|dans "
    r"mon appart|chez lui|chez mes parents|a la coloc|seule?|la bas|home)\b",
    r"\b(?:scared|afraid|terrified|frightened|fear|too scared|scared|not safe) (?:to|of) "
    r"(?:go|going|get|getting|walk|walking|come|coming|return|returning|be|being) (?:back )?"
    r"(?:home|back|to my (?:room|flat|apartment|dorm|house|place)|to the (?:residence|dorm)|"
    r"alone with (?:him|her|them))\b",
    r"\b(?:me|m|my|mon|ma|moi) (?:" + _words(4) + r")?(?:avec|with|sous la menace de|sous la "
    r"menace d|a la pointe de) (?:un|une|a|an|son|sa|his|her) (?:" + _words(1) + r")?(?:couteau|"
    r"arme|pistolet|flingue|cutter|machette|knife|gun|pistol|blade)\b|\b(?:at|a) "
    r"(?:knifepoint|gunpoint)\b|\b(?:braque|braquee|braquer)\b",
    r"\b(?:essaye|essaie|essayait|a essaye|tried|tries|trying|try) (?:de |d |to )?(?:entrer|"
    r"rentrer|forcer|break|get|force (?:his|her|their) way) (?:dans |into |in |la porte de )?"
    r"(?:ma|mon|my) (?:chambre|appart|appartement|studio|room|flat|apartment|porte|door|dorm|"
    r"house|maison)\b",
    r"\b(?:demande|demandait|propose|proposait|veut|voulait|insiste pour|insistait pour|"
    r"exige|pression pour|asked|asks|wants|wanted|pressured|pressures|pressuring|pushes|pushing"
    r"|pushed|expects|expected) (?:" + _words(2) + r")?(?:de |d |que je |me to |to )?(?:coucher "
    r"avec (?:lui|elle|eux)|couche avec (?:lui|elle|eux)|sleep with (?:him|her|them)|have sex "
    r"with (?:him|her|them)|send (?:him|her|them) nudes|lui envoyer des photos|go to (?:his|her) "
    r"(?:room|hotel|place) (?:for|to get|in exchange))\b",
    r"\b(?:me|m) (?:" + _words(1) + r")?(?:rabaisse|rabaissent|humilie|humilient|insulte "
    r"tout le temps|insulte sans arret|traite de (?:pute|salope|merde))\b|\b(?:he|she|they|"
    r"" + _PERSON_NOUN + r") (?:" + _words(1) + r")?(?:humiliates|belittles|degrades|insults) "
    r"me (?:all the time|every day|constantly|in front of)\b",
    r"(?<!\bca )(?<!\bce )(?<!\bcela )\b(?:me|m) (?:a|ont|avait|avaient) (?:frappee?|"
    r"battue?|giflee?|etranglee?|violee?|tabassee?|agressee?|droguee?|sequestree?|brutalisee?|"
    r"menacee?|tripotee?|pelotee?|cognee?|ruee? de coups|roue de coups|attachee?|enfermee?)\b",
    # Coordinated clauses: "... and touching me", "... et m'a touchee".
    r"(?:\b(?:then|and)|,) (?:he |she |they )?(?:keeps |kept |started |starts |then )?(?:touching|"
    r"touches|touched|groping|gropes|groped|kissing|kissed|grabbing|grabbed|hitting|hits|hit|"
    r"choking|choked|raping|raped|beating|beat|slapping|slapped|punching|punched|kicking|"
    r"kicked|strangling|strangled) me\b|\b(?:et|puis|ensuite) (?:il |elle |ils )?(?:me|m) "
    r"(?:a|ont) (?:touchee?|embrassee?|tripotee?|pelotee?)\b",
    r"\b(?:me|m) (?:a|ont|avait|mettait|met|mettent|mis|fout|foutu|foutait|donne|donnait|"
    r"colle|collait|a colle|file|filait|envoye|met souvent) (?:" + _words(1) + r")?(?:une|des|"
    r"un|plusieurs) (?:" + _words(1) + r")?(?:claques?|gifles?|baffes?|beignes?|coups? de "
    r"(?:poing|pied|tete|boule|couteau|ceinture)|coups|droites?|patates?|mandales?|tartes?|"
    r"raclees?|roustes?|torgnoles?)\b(?!.*\b(?:ping pong|tennis|jeu|game|match)\b)",
    r"\b(?:avances|propositions) (?:insistantes|sexuelles|deplacees|non desirees|lourdes|"
    r"repetees|pressantes|indecentes)\b|\bunwanted (?:advances|attention)\b",
    r"\b(?:envoie|envoye|envoyait|envoient|recu|recois|sends?|sent|sending|texting|texted|"
    r"gets?|got|receive|received) (?:me |moi )?(?:des |some |a |une )?(?:" + _words(1) +
    r")?(?:photos?|videos?|pics?|pictures?|images?|snaps?) (?:de (?:bite|sexe|penis|queue|lui "
    r"nu|son sexe)|nues?|intimes|obscenes?|of his (?:dick|penis|junk|privates)|explicit|"
    r"sexuelles?|pornographiques?)\b|\bphotos? de bite\b",
    r"\b(?:peur|crains|terrifiee?|angoisse|flippe) (?:que |qu )(?:" + _words(3) + r")?(?:me|m|"
    r"ne me) (?:retrouve|frappe|tue|fasse du mal|viole|agresse|suive|attende|batte|tape|enferme|"
    r"reprenne|trouve|attrape|fasse quelque chose)\b",
    r"\bme (?:" + _words(2) + r")?(?:death )?threats\b|\bthreats? (?:from|by) (?:my|a|the|his|"
    r"her|this|some)\b",
    r"\b(?:comes?|coming|came|entre|entrait|entrent|rentre|rentrait|walks?|walked) (?:" +
    _words(1) + r")?(?:into|in|dans) (?:my|ma|mon) (?:room|chambre|bed|lit|shower|douche|"
    r"bathroom|salle de bain) (?:" + _words(2) + r")?(?:at night|la nuit|while i (?:sleep|was "
    r"sleeping|am sleeping|shower)|quand je dors|pendant que je (?:dors|dormais|me douche)|"
    r"without (?:asking|knocking|permission)|sans (?:frapper|permission|mon accord|prevenir))\b",
    r"\b(?:me|m) (?:fait|font|faisait|faisaient) (?:tres |vraiment |trop )?peur\b(?! (?:avec|"
    r"pour|a cause) (?:le|la|les|mon|ma|mes|son|sa|ses|ce|cet|cette) (?:partiels?|exams?|"
    r"examens?|notes?|projets?|soutenances?|oraux|oral|devoirs?|resultats?|cours|film|histoire)"
    r")",
    r"\b(?:me|m) (?:fait|font|faisait|faisaient) (?:du )?chantage\b|\bme (?:fait|font) "
    r"chanter\b|\bblackmail\w* me\b|\bchantage (?:a|aux|sur moi|avec)\b",
    r"\b(?:peur|scared|afraid|terrified|terrifiee?|frightened|help|aidez|aide moi|au secours|"
    r"panique)\b.{0,80}\b(?:devant|en bas de|outside|at|derriere|behind) (?:chez moi|ma porte|"
    r"mon appart|ma chambre|ma fenetre|la porte de ma|my door|my flat|my room|my place|my "
    r"building|my window|my apartment|my house)\b|\b(?:devant|en bas de|outside|derriere|"
    r"behind) (?:chez moi|ma porte|mon appart|ma chambre|my door|my flat|my room|my place|"
    r"my apartment|my house)\b.{0,80}\b(?:peur|scared|afraid|terrified|terrifiee?|help|aidez|"
    r"au secours|panique)\b",
    r"\b(?:peur|fear|afraid|scared|crains|crain|craint|inquiete?|worried|terrified) (?:pour|"
    r"for) (?:ma vie|my life|ma securite|my safety|mon integrite|my physical safety)\b",
    r"\b(?:leve|levait|levent|a leve|ont leve|lever) la main sur (?:moi|nous)\b|\b(?:raises?|"
    r"raised|raising) (?:his|her|their|a) hand (?:to|at|against|on) (?:me|us)\b|\b(?:lay|lays|"
    r"laid|put|puts) (?:a )?hands? on me\b",
    r"\b(?:gestes?|comportements?|propos|attitudes?|remarques?|attouchements|mains?|"
    r"behaviou?r|gestures?|conduct|touching|comments?|remarks?) (?:" + _words(1) + r")?"
    r"(?:deplacee?s?|sexistes?|sexuel\w*|racistes?|homophobes?|transphobes?|insultante?s?|"
    r"humiliante?s?|menacante?s?|violente?s?|inappropriee?s?|inappropriate|sexual|sexist|"
    r"racist|homophobic|threatening|violent|unwanted|offensive) (?:" + _words(1) + r")?(?:a mon "
    r"egard|envers moi|sur moi|contre moi|avec moi|towards me|toward me|to me|at me|on me|"
    r"against me|with me|about me)\b",
    r"\b(?:ne arrete pas|arrete pas|arrete jamais|will not stop|won t stop|does not stop|keeps?|"
    r"kept|continue) (?:de |d |a )?(?:me |m )?(?:appeler|ecrire|envoyer|suivre|venir|attendre|"
    r"harceler|calling|texting|messaging|showing up|coming to my|following|waiting for me|"
    r"contacting)\b.{0,100}\b(?:peur|scared|afraid|terrified|terrifiee?|flippe|angoisse|"
    r"danger|not safe|pas en securite|unsafe)\b|\b(?:peur|scared|afraid|terrified|"
    r"terrifiee?)\b.{0,100}\b(?:ne arrete pas|arrete pas|will not stop|won t stop|keeps?) "
    r"(?:de |d )?(?:me |m )?(?:appeler|ecrire|suivre|venir|calling|texting|showing up|"
    r"following|coming)\b",
    TOPIC + r"\b(?:violent|violente|violents|violentes|abusive|abusif|abusifs|dangerous|"
    r"dangereux|dangereuse|controlling) (?:" + _PERSON_NOUN + r")\b|\b(?:" + _PERSON_NOUN +
    r") (?:violent|violente|abusif|abusive|dangereux|dangereuse)\b(?! (?:game|film|movie|"
    r"sport|jeu))",
    r"\b(?:au secours|help me please|please help me|aidez moi|aide moi|sos|help)\b.{0,60}\b(?:"
    r"danger|frappe|hits me|hurting me|me suit|following me|menace|threatening|veut me|"
    r"devant (?:ma|chez)|outside my)\b|\b(?:danger|frappe|hits me|hurting me|me suit|following me|"
    r"menace|threatening|veut me|devant (?:ma|chez)|outside my)\b.{0,60}\b(?:au secours|"
    r"aidez moi|help me|please help|sos)\b",
    NOUN + r"\b(?:violences?|violence) (?:conjugales?|domestiques?|familiales?|intrafamiliales?|"
    r"physiques?|psychologiques?|morales?|au sein du couple)\b|\bdomestic (?:violence|abuse)\b|"
    r"\b(?:physical|emotional|psychological|verbal) abuse\b|\bbizutage\b|\bhazing\b|\bcoercive "
    r"control\b|\bemprise\b|\bviolences?\b|\bviolence\b|\babuse\b|\bagression\b|\bagressions\b|"
    r"\bharcelement\b|\bharassment\b|\bbullying\b|\bharcelements\b",
]

def _whole_words(pattern: str) -> str:
    """Ends every "(?! (?:a|b))" with a word boundary: " a" must not exclude " anymore"."""
    out, i = [], 0
    while True:
        j = pattern.find("(?! (?:", i)
        if j < 0:
            return "".join(out) + pattern[i:]
        k, depth, in_class = j, 0, False
        while k < len(pattern):
            c = pattern[k]
            if c == "\\":
                k += 2
                continue
            in_class = (in_class or c == "[") and c != "]"
            if not in_class:
                depth += (c == "(") - (c == ")")
                if depth == 0:
                    break
            k += 1
        out.append(pattern[i:k] + r"\b)")
        i = k + 1


def _compile(patterns: Iterable[str]) -> List[Tuple[Pattern[str], str]]:
    """(compiled pattern, its mark: NOUN, TOPIC, THIRD or "") for each pattern."""
    return [(re.compile(_whole_words(p)), next((m for m in (NOUN, TOPIC, THIRD)
                                                if p.startswith(m)), ""))
            for p in patterns]


_IDIOMS = re.compile("|".join(f"(?:{p})" for p in IDIOMS))
_SUICIDE = _compile(SUICIDE)
_VIOLENCE = _compile(VIOLENCE)


def _prepare(text: str) -> str:
    """Canonical text with idioms replaced by a neutral mark."""
    return _IDIOMS.sub(" ~ ", canonical(text))


def _topic_only(plain: str) -> bool:
    """A question about a service, school work or fiction, with no first-person experience."""
    return bool((SERVICE.search(plain) or FICTION.search(plain))
                and not STRONG_PERSONAL.search(plain))


def _matches(patterns: List[Tuple[Pattern[str], str]], plain: str) -> Iterable[str]:
    for pattern, mark in patterns:
        match = pattern.search(plain)
        if not match:
            continue
        if mark == THIRD and FICTION.search(plain):
            continue
        if mark in (NOUN, TOPIC) and _topic_only(plain):
            continue
        if mark == NOUN and not (STRONG_PERSONAL.search(plain) or PERSONAL.search(plain)):
            continue
        yield match.group(0)


def explain(text: str) -> List[str]:
    """What fires on a text, for debugging: ["suicide: 'veux mourir'", ...]."""
    plain = _prepare(text[:MAX_CHARS])
    return [f"{kind}: {m!r}" for kind, patterns in (("suicide", _SUICIDE), ("violence", _VIOLENCE))
            for m in _matches(patterns, plain)]


def assess(text: Optional[str]) -> Optional[str]:
    """None, "suicide" or "violence" for one user message. Never raises."""
    if not isinstance(text, str) or not text.strip() or text.lstrip().startswith("/"):
        return None
    try:
        plain = _prepare(text[:MAX_CHARS])
        for kind, patterns in (("suicide", _SUICIDE), ("violence", _VIOLENCE)):
            if next(_matches(patterns, plain), None) is not None:
                return kind
    except Exception:  # noqa: BLE001 - a detector must never break the conversation
        return None
    return None
