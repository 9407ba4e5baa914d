from __future__ import annotations

import numpy as np
import pytest

from claimcheck.errors import ModelLoadError
from claimcheck.verify.semantic import SemanticModel, from_bytes, to_bytes


@pytest.fixture(scope="session")
def model() -> SemanticModel:
    return SemanticModel()


@pytest.mark.slow
def test_packaged_model_loads_offline_and_ranks_paraphrases_first(model: SemanticModel) -> None:
    v = model.encode([
        "Intermediate-task training improves zero-shot cross-lingual transfer.",
        "Training on an intermediate task first helps cross-lingual transfer without target data.",
        "The radar receiver suppresses clutter at low signal to noise ratio.",
    ])
    assert v.shape == (3, 384)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert v[0] @ v[1] > v[0] @ v[2] + 0.3


def test_a_model_that_is_not_there_is_a_load_error() -> None:
    with pytest.raises(ModelLoadError, match="/no/such/model"):
        SemanticModel("/no/such/model")


def test_embeddings_round_trip_and_reject_garbage() -> None:
    m = np.arange(6, dtype=np.float32).reshape(2, 3)
    back = from_bytes(to_bytes(m))
    assert back is not None and np.array_equal(back, m)
    assert from_bytes(b"not an npy file") is None
