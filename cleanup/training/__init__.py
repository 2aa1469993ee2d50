"""Training side of the seq2seq repair model: artifact simulator, tokenizer, training loop.

Heavy imports (torch, transformers, sentencepiece) stay inside the modules that need them,
so importing :mod:`cleanup.training.simulate` or :mod:`cleanup.training.data` is cheap.
"""
