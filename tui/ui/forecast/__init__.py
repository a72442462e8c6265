"""The Forecast tab: licences in use per product, the forecast chart and table, and usage samples."""
