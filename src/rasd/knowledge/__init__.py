"""What rasd knows, loaded from data files: the event taxonomy, settings, language profiles,
the event lexicons, the actor dictionary and the gazetteer."""
