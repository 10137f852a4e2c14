"""Reader stories: the model, screening, personal-data masking and the moderation jobs."""
