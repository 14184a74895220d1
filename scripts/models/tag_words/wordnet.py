"""Reads WordNet 3.0's noun database (`data.noun`, as Debian's wordnet-base ships it): synonyms
and hypernym chains of noun synsets. ImageNet-1k class ids are these synsets' offsets
(`n02123045` = tabby cat).

data.noun line: offset lex_filenum ss_type w_cnt(hex) [word lex_id]... p_cnt [symbol offset pos
source/target]... | gloss. Hypernyms are pointers `@` (and `@i` for instances)."""

# Synsets too abstract to say anything about a picture: neither kept nor climbed past.
ABSTRACT = {
    "entity", "physical entity", "abstraction", "abstract entity", "object", "physical object",
    "whole", "unit", "living thing", "animate thing", "organism", "being", "artifact", "artefact",
    "instrumentality", "instrumentation", "matter", "thing", "causal agent", "causal agency",
    "part", "portion", "psychological feature", "attribute", "relation", "group", "grouping",
    "measure", "quantity", "amount", "event", "act", "deed", "human action", "human activity",
    "communication", "location", "substance", "material", "stuff", "solid", "natural object",
    "cognition", "knowledge", "noesis", "content", "cognitive content", "mental object",
}
# Lexicographer files of animals (05) and plants (20): their capitalised two-word lemmas are
# Latin binomials ("Felis catus"), noise for keyword search.
TAXONOMIC_FILES = {"05", "20"}


def words(lemma):
    """A WordNet lemma as plain words: underscores to spaces, adjective markers dropped."""
    lemma = lemma.split("(")[0] if lemma.endswith(")") else lemma
    return lemma.replace("_", " ").strip()


class Synset:
    def __init__(self, offset, lex_file, lemmas, hypernyms, gloss):
        self.offset, self.lex_file, self.lemmas, self.hypernyms, self.gloss = offset, lex_file, lemmas, hypernyms, gloss

    @property
    def is_abstract(self):
        return any(lemma.lower() in ABSTRACT for lemma in self.lemmas)

    def plain_lemmas(self):
        """Lemmas without Latin binomials (kept when they are all there is)."""
        def latin(lemma):
            parts = lemma.split(" ")
            return self.lex_file in TAXONOMIC_FILES and len(parts) >= 2 and parts[0][:1].isupper() and parts[1][:1].islower()
        kept = [lemma for lemma in self.lemmas if not latin(lemma)]
        return kept or self.lemmas[:1]


def parse_line(line):
    head, _, gloss = line.partition(" | ")
    fields = head.split()
    offset, lex_file = fields[0], fields[1]
    count = int(fields[3], 16)
    lemmas = [words(fields[4 + 2 * i]) for i in range(count)]
    position = 4 + 2 * count
    pointers = int(fields[position])
    hypernyms = []
    for i in range(pointers):
        symbol, target, pos = fields[position + 1 + 4 * i: position + 4 + 4 * i]
        if symbol in ("@", "@i") and pos == "n":
            hypernyms.append(target)
    return Synset(offset, lex_file, lemmas, hypernyms, gloss.strip())


def read_nouns(data_noun):
    """Every noun synset of `data_noun`, keyed by its 8-digit offset."""
    synsets = {}
    with open(data_noun, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("  ") or not line.strip():
                continue
            synset = parse_line(line)
            synsets[synset.offset] = synset
    if len(synsets) < 80000:
        raise RuntimeError(f"{data_noun}: only {len(synsets)} noun synsets (WordNet 3.0 has 82,115)")
    return synsets


def hypernym_chain(synsets, offset):
    """The hypernyms of a synset, nearest first (breadth-first over every parent), stopping at
    the abstract ones."""
    chain, seen, frontier = [], {offset}, list(synsets[offset].hypernyms)
    while frontier:
        parents = []
        for parent in frontier:
            if parent in seen or parent not in synsets:
                continue
            seen.add(parent)
            synset = synsets[parent]
            if synset.is_abstract:
                continue
            chain.append(synset)
            parents.extend(synset.hypernyms)
        frontier = parents
    return chain


def class_words(synsets, wnid):
    """Synonyms and hypernym words of an ImageNet class (`n` + offset)."""
    offset = wnid[1:]
    if not wnid.startswith("n") or offset not in synsets:
        raise RuntimeError(f"{wnid} is not a WordNet 3.0 noun synset")
    synset = synsets[offset]
    chain = hypernym_chain(synsets, offset)
    hypernyms = []
    for parent in chain:
        for lemma in parent.plain_lemmas():
            if lemma not in hypernyms and lemma not in synset.lemmas:
                hypernyms.append(lemma)
    # The first lemma of each parent, nearest first: the short chain the class bank reads.
    parents = [parent.plain_lemmas()[0] for parent in chain]
    return {"synonyms": synset.lemmas, "hypernyms": hypernyms, "parents": parents}
