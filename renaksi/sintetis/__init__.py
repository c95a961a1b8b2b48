"""A synthetic Pemda for demos, tests and benchmarks (`renaksi synth`), written through the services."""
