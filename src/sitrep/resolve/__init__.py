"""Cross-article work over the store: duplicates, stories, propositions, timelines."""
