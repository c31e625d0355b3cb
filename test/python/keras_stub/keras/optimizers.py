"""keras.optimizers.RMSprop with Keras 3's arguments (keras/src/optimizers/rmsprop.py)."""


class RMSprop:
    def __init__(self, learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-07, centered=False,
                 weight_decay=None, clipnorm=None, clipvalue=None, global_clipnorm=None, use_ema=False,
                 ema_momentum=0.99, ema_overwrite_frequency=None, loss_scale_factor=None,
                 gradient_accumulation_steps=None, name="rmsprop", **kwargs):
        if not isinstance(learning_rate, (int, float)) or learning_rate <= 0:
            raise ValueError(f"learning_rate must be a positive number, got {learning_rate!r}")
        self.learning_rate = learning_rate

    def describe(self):
        return {"class": "RMSprop", "learning_rate": self.learning_rate}


def _optimizer(cls_name, default_lr):
    """Another Keras 3 optimizer: its learning_rate checked, the rest taken as keywords."""

    class _Opt(RMSprop):
        def __init__(self, learning_rate=default_lr, **kwargs):
            super().__init__(learning_rate=learning_rate)

        def describe(self):
            return {"class": cls_name, "learning_rate": self.learning_rate}

    _Opt.__name__ = cls_name
    return _Opt


SGD = _optimizer("SGD", 0.01)
Adam = _optimizer("Adam", 0.001)
AdamW = _optimizer("AdamW", 0.001)
Adadelta = _optimizer("Adadelta", 0.001)
Adagrad = _optimizer("Adagrad", 0.001)
Adamax = _optimizer("Adamax", 0.001)
Adafactor = _optimizer("Adafactor", 0.001)
Nadam = _optimizer("Nadam", 0.001)
Ftrl = _optimizer("Ftrl", 0.001)
Lion = _optimizer("Lion", 0.001)
Lamb = _optimizer("Lamb", 0.001)
