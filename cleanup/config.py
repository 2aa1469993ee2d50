"""One frozen Config for a cleaning run; CLI flags map onto its fields."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

#: Languages with language-aware repairs (word tables, phrase tables, spacing conventions).
SUPPORTED_LANGUAGES = ("en", "es", "fr", "de", "pt", "it")

#: Where the bundled model lives, relative to the repository / installed package root.
DEFAULT_MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "cleanup-t5-small"


@dataclass(frozen=True)
class Config:
    """Settings for one cleaning run.

    - ``lang`` (None): force the article language instead of detecting it (``--lang``).
    - ``use_model`` (True): let the seq2seq model propose repairs; False is ``--no-model``.
      When no model directory exists the pipeline runs rules only and says so in the notes.
    - ``model_path`` (None = the bundled model): any local Hugging Face seq2seq directory.
    - ``model_scope`` ("flagged"): which body sentences go to the model: those the detector
      flags, or "all" of them.
    - ``disabled_rules`` (empty): rule ids (or id prefixes such as "spacing") to skip.
    - ``min_model_score`` (-0.5): mean token log-probability below which a model rewrite
      is rejected by the verifier; most kinds of repair are held to a stricter floor of
      their own (``cleanup.neural.MIN_SCORE_BY_KIND``: -0.35 for a rewrite or a phrase).
      Not for a choice between two repairs a rule would make anyway, ``comma`` or ``lower``:
      that score is a share, held to its own floor.
    - ``use_chooser`` (True): where the model directory ships a ``chooser.json``, let it
      choose among each span's options (:mod:`cleanup.chooser`) instead of the hand-tuned
      penalties and floors; False is ``--no-chooser``.
    - ``seed`` (0): langdetect's seed, so detection is deterministic.
    """

    lang: str | None = None
    use_model: bool = True
    model_path: Path | None = None
    model_scope: str = "flagged"
    disabled_rules: frozenset[str] = field(default_factory=frozenset)
    min_model_score: float = -0.5
    use_chooser: bool = True
    seed: int = 0

    def rule_enabled(self, rule_id: str) -> bool:
        return not any(rule_id == d or rule_id.startswith(d + ".") for d in self.disabled_rules)
