"""Text outside the tables: the title (`judul`), paragraphs between the tables (`paragraf`: captions, lists of
tujuan and sasaran, the Renstra period, bidang headings) and signature blocks (`tanda_tangan`)."""
