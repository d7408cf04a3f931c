"""What the simulated students say: short conversations in French and English, as they come.

About one message in three calls a custom action (contact and deadline look-ups), so the action
server's round-trip is part of what is measured. Every conversation is played with a new sender
id, so trackers grow as in real use (a handful of turns) rather than without bound.
"""

from typing import List

CONVERSATIONS: List[List[str]] = [
    ["Bonjour", "comment contacter l'assistante sociale", "et le crous ?", "merci beaucoup"],
    ["Hello", "when is the deadline for the DSE?", "what about the CVEC?", "thanks!"],
    ["salut", "je cherche un logement pas cher a ales", "c'est quand la date limite pour la cvec",
     "merci"],
    ["hi, what is the eiffel scholarship?", "when is the deadline for the eiffel scholarship",
     "how do I contact the international office", "thank you"],
    ["bonsoir", "j'ai besoin d'aide financière", "numéro de téléphone du référent handicap",
     "ok merci"],
    ["Hello, I'm an exchange student from Brazil", "where can I live in Alès?",
     "is there a psychologist on campus", "how do i contact the psychologist", "bye"],
    ["comment contacter l'assistante sociale", "quelles sont les prochaines échéances ?",
     "au revoir"],
    ["what deadlines are coming up?", "email of the social worker", "ok thanks"],
    ["coucou", "c'est combien le resto du campus ?", "mail de la psychologue de l'école",
     "merci bcp"],
    ["hi", "I need a French course", "when do I have to validate my visa?", "great, thanks"],
    ["bonjour", "la date limite pour la bourse du crous c'est quand ?", "et l'aide au logement ?",
     "merci, bonne journée"],
    ["hey", "how can I join a club?", "phone number of the disability advisor", "goodbye"],
]


def messages_per_conversation() -> float:
    return sum(len(c) for c in CONVERSATIONS) / len(CONVERSATIONS)
