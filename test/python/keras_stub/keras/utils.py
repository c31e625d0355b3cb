"""keras.utils.set_random_seed (keras/src/utils/rng_utils.py)."""
from .layers import RECORD


def set_random_seed(seed):
    if not isinstance(seed, int):
        raise ValueError(f"Expected `seed` argument to be an integer. Received: seed={seed}")
    RECORD["seed"] = seed


def image_dataset_from_directory(directory, labels="inferred", label_mode="int", class_names=None, color_mode="rgb",
                                 batch_size=32, image_size=(256, 256), shuffle=True, seed=None, validation_split=None,
                                 subset=None, interpolation="bilinear", follow_links=False, crop_to_aspect_ratio=False,
                                 pad_to_aspect_ratio=False, data_format=None, verbose=True):
    """Keras 3's signature (keras/src/utils/image_dataset_utils.py); records its arguments."""
    if not isinstance(image_size, tuple) or len(image_size) != 2 or not all(isinstance(d, int) for d in image_size):
        raise ValueError(f"`image_size` must be a tuple of two integers. Received: image_size={image_size}")
    if subset not in (None, "training", "validation", "both"):
        raise ValueError(f'`subset` must be either "training", "validation" or "both". Received: subset={subset}')
    if subset is not None and validation_split is None:
        raise ValueError("If `subset` is set, `validation_split` must be set, and inversely.")
    if validation_split is not None and not 0 < validation_split < 1:
        raise ValueError(f"`validation_split` must be between 0 and 1, received: {validation_split}")
    if validation_split is not None and shuffle and seed is None:
        raise ValueError("If using `validation_split` and shuffling the data, you must provide a `seed` argument")
    RECORD["image_dataset"] = {"directory": directory, "image_size": list(image_size), "seed": seed,
                               "validation_split": validation_split, "subset": subset, "batch_size": batch_size}
    return ("train_ds", "val_ds") if subset == "both" else "ds"
