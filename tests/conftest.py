"""Fixtures shared by the tests in this folder."""

import pytest
from wagtail.models import Collection, CollectionViewRestriction


@pytest.fixture
def private_collection():
    """A collection only logged-in users may see the documents of."""
    collection = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection
