"""The subword tokenizer of the repair model: SentencePiece trained on all six languages,
wrapped as a Hugging Face fast tokenizer so that ``AutoTokenizer.from_pretrained`` loads it
offline from the model directory.

Guarantees (tested): ``decode(encode(x)) == x`` for any text that neither starts nor ends
with whitespace, including doubled spaces, typographic quotes and dashes, accents and emoji
(unseen characters fall back to UTF-8 bytes, never to ``<unk>``), and a language tag such
as ``<en>`` is always one token. Ids follow T5: pad=0, eos=1, unk=2.

Why not ``T5Tokenizer(vocab_file=...)``: in transformers 5 it is a ``tokenizers``-backed
class that ignores a SentencePiece file passed that way (every piece came out ``<unk>``),
so the ``tokenizer.json`` is built here from the trained SentencePiece vocabulary with a
pipeline that mirrors SentencePiece: no normalisation, spaces kept as ``▁``, a dummy
prefix only at the very start, byte fallback.
"""

from __future__ import annotations

import json
import random
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cleanup.config import SUPPORTED_LANGUAGES
from cleanup.windows import LANGUAGE_TAGS

PAD, EOS, UNK = "<pad>", "</s>", "<unk>"


@dataclass(frozen=True)
class TokenizerConfig:
    """How the SentencePiece model is trained.

    - ``vocab_size`` (8000): enough for six Latin-script languages at ~1.9 pieces per
      word; a bigger table would mostly grow the embedding matrix of a small model.
    - ``model_type`` ("unigram"): T5's choice; BPE gave the same 1.87 pieces/word on the
      corpus, so the deciding factor was the faithful conversion to ``tokenizers``.
    - ``lines_per_language`` (25000): balances languages (it has only 12k lines, en 136k).
    - ``character_coverage`` (0.9999): keeps rare accented letters as pieces; anything
      rarer goes to bytes.
    """

    vocab_size: int = 8000
    model_type: str = "unigram"
    lines_per_language: int = 25000
    character_coverage: float = 0.9999
    seed: int = 0


def train_sentencepiece(lines_by_lang: dict[str, list[str]], model_prefix: Path, config: TokenizerConfig) -> Path:
    """Train a SentencePiece model on a balanced sample of lines; returns the ``.model`` path."""
    import sentencepiece as spm

    rng = random.Random(config.seed)
    sample: list[str] = []
    for lang in sorted(lines_by_lang):
        lines = list(lines_by_lang[lang])
        rng.shuffle(lines)
        sample.extend(lines[: config.lines_per_language])
    rng.shuffle(sample)
    model_prefix.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as f:
        f.write("\n".join(sample) + "\n")
        text_path = f.name
    try:
        spm.SentencePieceTrainer.train(
            input=text_path,
            model_prefix=str(model_prefix),
            vocab_size=config.vocab_size,
            model_type=config.model_type,
            byte_fallback=True,
            # Identity: the model must see the text exactly as the pipeline has it, NFKC
            # would silently turn “ ” into " " and the output could never match the input.
            normalization_rule_name="identity",
            remove_extra_whitespaces=False,
            # A dummy prefix makes the first word of a window the same piece as the same
            # word mid-window ("▁the"), so copying is token-for-token.
            add_dummy_prefix=True,
            user_defined_symbols=list(LANGUAGE_TAGS),
            pad_id=0,
            eos_id=1,
            unk_id=2,
            bos_id=-1,
            character_coverage=config.character_coverage,
            input_sentence_size=len(sample),
            shuffle_input_sentence=False,
            num_threads=1,
            seed_sentencepiece_size=1_000_000,
            minloglevel=2,
        )
    finally:
        Path(text_path).unlink(missing_ok=True)
    return Path(f"{model_prefix}.model")


#: What a T5 encoder reads; transformers 4's fast tokenizer would add token_type_ids.
MODEL_INPUT_NAMES = ("input_ids", "attention_mask")


def build_hf_tokenizer(sentencepiece_model: Path):
    """A transformers fast tokenizer equivalent to the SentencePiece model."""
    import sentencepiece as spm
    from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers, processors
    from transformers import PreTrainedTokenizerFast

    sp = spm.SentencePieceProcessor(model_file=str(sentencepiece_model))
    vocab = [(sp.id_to_piece(i), sp.get_score(i)) for i in range(sp.get_piece_size())]
    if [vocab[i][0] for i in range(3)] != [PAD, EOS, UNK]:
        raise ValueError(f"{sentencepiece_model}: expected pad, eos, unk at ids 0, 1, 2")
    backend = Tokenizer(models.Unigram(vocab, unk_id=2, byte_fallback=True))
    backend.normalizer = None
    backend.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="first", split=False)
    backend.decoder = decoders.Sequence(
        [decoders.Replace("▁", " "), decoders.ByteFallback(), decoders.Fuse(), decoders.Strip(" ", 1, 0)]
    )
    backend.post_processor = processors.TemplateProcessing(
        single=f"$A {EOS}", pair=f"$A {EOS} $B {EOS}", special_tokens=[(EOS, 1)]
    )
    specials = [PAD, EOS, UNK]
    backend.add_special_tokens([AddedToken(t, special=True, normalized=False) for t in specials])
    backend.add_special_tokens(
        [AddedToken(t, special=True, normalized=False, lstrip=False, rstrip=False) for t in LANGUAGE_TAGS]
    )
    return PreTrainedTokenizerFast(
        tokenizer_object=backend,
        pad_token=PAD,
        eos_token=EOS,
        unk_token=UNK,
        additional_special_tokens=list(LANGUAGE_TAGS),
        model_input_names=list(MODEL_INPUT_NAMES),
        clean_up_tokenization_spaces=False,
        model_max_length=512,
    )


def train_tokenizer(lines_by_lang: dict[str, list[str]], out_dir: Path, config: TokenizerConfig = TokenizerConfig()):
    """Train the SentencePiece model and save the wrapped tokenizer into ``out_dir``.

    Returns the transformers tokenizer; ``out_dir`` also keeps ``spiece.model``.
    """
    unknown = set(lines_by_lang) - set(SUPPORTED_LANGUAGES)
    if unknown:
        raise ValueError(f"unsupported languages {sorted(unknown)}; expected {', '.join(SUPPORTED_LANGUAGES)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    model_path = train_sentencepiece(lines_by_lang, out_dir / "spiece", config)
    (out_dir / "spiece.vocab").unlink(missing_ok=True)
    tokenizer = build_hf_tokenizer(model_path)
    save_tokenizer(tokenizer, out_dir)
    return tokenizer


def save_tokenizer(tokenizer, directory: Path) -> None:
    """``save_pretrained``, with a ``tokenizer_config.json`` that transformers 4 and 5 both read.

    transformers 5 writes its own class name (``TokenizersBackend``) and ``extra_special_tokens``
    as a list; transformers 4 knows neither and cannot load the directory, although
    ``pyproject.toml`` accepts it. ``PreTrainedTokenizerFast`` and ``additional_special_tokens``
    load the same ``tokenizer.json`` the same way in both.
    """
    tokenizer.save_pretrained(directory)
    portable_tokenizer_config(Path(directory) / "tokenizer_config.json")


def portable_tokenizer_config(path: Path) -> None:
    """Rewrite a saved ``tokenizer_config.json`` in the form both major versions of transformers read."""
    config = json.loads(path.read_text(encoding="utf-8"))
    if config.get("tokenizer_class") == "TokenizersBackend":
        config["tokenizer_class"] = "PreTrainedTokenizerFast"
    if isinstance(config.get("extra_special_tokens"), list):
        config["additional_special_tokens"] = config.pop("extra_special_tokens")
    # transformers 4's fast tokenizer also returns token_type_ids unless told, which T5's
    # generate() refuses.
    config["model_input_names"] = list(MODEL_INPUT_NAMES)
    path.write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def load_tokenizer(directory: Path):
    """The saved tokenizer, loaded the way users load it (``AutoTokenizer``, offline)."""
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(str(directory), local_files_only=True)
