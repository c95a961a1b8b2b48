"""Pages are served gzipped to a browser that accepts it (the monev form or the editor of a large plan is big)."""

import gzip

from django.urls import reverse


def test_a_big_page_is_served_compressed_when_the_client_accepts_gzip(client, world):
    client.force_login(world.alice)
    url = reverse("plan_editor", args=[world.plan.pk])
    plain = client.get(url)
    assert plain.status_code == 200 and "Content-Encoding" not in plain
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    html = gzip.decompress(response.content).decode()
    title = plain.content.decode().split("<title>")[1].split("</title>")[0]
    assert f"<title>{title}</title>" in html and html.rstrip().endswith("</html>")
    assert len(response.content) * 3 < len(plain.content)
