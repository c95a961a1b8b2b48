"""The workflow of plans and triwulan reports: transitions, the checker's gate, timeliness, notifications."""
