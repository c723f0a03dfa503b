"""What each document says (template context, the protokoll's §§) and how it becomes DOCX
(Markdown blocks, docxtpl). May import sources, rules, pdf and model."""
