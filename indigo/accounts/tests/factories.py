import factory
from django.contrib.auth import get_user_model

from indigo.accounts.roles import Role, grant_role


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if extracted:
            grant_role(self, Role(extracted))
        self.save()


def user_with_role(role: str, **kwargs):
    return UserFactory(role=role, **kwargs)
