"""Phrase banks the simulator composes report narratives from, written by the project.

Each crime-type module exposes `STAGES`: language → ordered list of (stage, templates).
Templates use `{slot}` placeholders; the narrative builder only picks templates whose
slots it can fill, so a stage with no usable template is simply skipped.
"""
