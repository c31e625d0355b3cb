"""keras.utils.set_random_seed (keras/src/utils/rng_utils.py)."""
from .layers import RECORD


def set_random_seed(seed):
    if not isinstance(seed, int):
        raise ValueError(f"Expected `seed` argument to be an integer. Received: seed={seed}")
    RECORD["seed"] = seed
