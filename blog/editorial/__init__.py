"""What editors meet in the admin around stories: the "Geschichten" menu with "Neue Geschichte" and the
listing of every story with its status, and the panel "Meine Geschichten" on the dashboard."""
