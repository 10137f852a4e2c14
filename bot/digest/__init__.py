"""The weekly digest: subscribers, composition, schedule, fan-out and delivery."""
