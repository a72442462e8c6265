"""What crosses the file's boundary: CSV reading, import plans (one generic plan for contracts, partners
and usage), rate files, exports (CSV, JSON, calendar, renewals) and quote requests.
"""
