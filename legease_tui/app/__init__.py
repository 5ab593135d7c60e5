"""The Textual shell: `main.LegEaseApp` and the parts it hands its work to (navigation,
preferences, the palette, the evening reminder, a routine's sound), each behind a small host."""
