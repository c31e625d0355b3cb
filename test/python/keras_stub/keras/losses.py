"""keras.losses classes the compile line may name, with Keras 3's from_logits argument."""


class _Loss:
    def __init__(self, from_logits=False, reduction="sum_over_batch_size", name=None, **kwargs):
        self.from_logits = from_logits


class SparseCategoricalCrossentropy(_Loss):
    pass


class CategoricalCrossentropy(_Loss):
    pass


class BinaryCrossentropy(_Loss):
    pass
