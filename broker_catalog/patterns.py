"""The shapes of contact values (ZIP code, phone, e-mail), written once: broker records, the
person's profile, the terminal app's form and any other place they are typed check against the
same patterns. Here rather than in the app because the catalog is usable on its own."""

from __future__ import annotations

import re

# A U.S. ZIP code, or ZIP+4.
ZIP = r"^\d{5}(?:-\d{4})?$"
# A phone number as people write it: digits with spaces, dots, dashes or brackets; + for a
# country code.
PHONE = r"^\+?[0-9][0-9 ().-]{6,20}$"
# An e-mail address's outline (one @, a dot in the domain, no spaces); mail servers decide
# the rest.
EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
# A broker's address in a catalog record: stricter (ASCII, no quoting), since records are
# written by maintainers and mail merge tools choke on the exotic forms people may type.
CATALOG_EMAIL = r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$"

ZIP_RE = re.compile(ZIP)
PHONE_RE = re.compile(PHONE)
EMAIL_RE = re.compile(EMAIL)
