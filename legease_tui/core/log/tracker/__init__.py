"""Sleep measured by a tracker (a phone app or a watch), kept apart from the person's diary:
periods checked and gathered into nights, stored in their own table, shown beside the diary's
nights and figures, and carried in the exports."""
