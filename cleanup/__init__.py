"""cleanup: repairs machine-translated news articles.

>>> from cleanup import clean_article, Config
>>> clean_article("The Ukrainian Armed ForcesThey said.The attack failed.", Config(use_model=False)).text
'The Ukrainian Armed Forces They said. The attack failed.'
"""

from .article import Article, Block, BlockKind, Edit, Finding
from .config import Config
from .errors import CleanupError, InputError, ModelError

__version__ = "0.1.0"


def clean_article(text: str, config: Config | None = None) -> Article:
    """Clean one article; see :mod:`cleanup.pipeline`. Imported lazily to keep start-up fast."""
    from .pipeline import clean_article as _clean

    return _clean(text, config or Config())


__all__ = ["Article", "Block", "BlockKind", "Config", "Edit", "Finding", "CleanupError", "InputError",
           "ModelError", "clean_article", "__version__"]
