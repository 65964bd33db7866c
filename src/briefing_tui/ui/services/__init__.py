"""Work behind the screens that outlives any one of them: loading, indexing, insights, state."""
