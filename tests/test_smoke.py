from django.urls import reverse


def test_home_lists_own_plan_for_perencana(client, world):
    client.force_login(world.alice)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert world.pd.nama in response.content.decode()
    assert world.foreign_pd.pemda.nama not in response.content.decode()


def test_home_requires_login(client, db):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]
